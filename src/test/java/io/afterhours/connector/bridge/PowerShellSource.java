package io.afterhours.connector.bridge;

import java.util.ArrayList;
import java.util.List;

/**
 * A PowerShell script split the way the static checks need it: comments removed, and the code with the contents of
 * every string masked, so a check on commands is not fooled by text inside strings. Good enough for our own script,
 * not a full PowerShell parser (here-strings are read as ordinary strings).
 */
record PowerShellSource(String withoutComments, String masked, List<String> doubleQuoted) {

    static PowerShellSource of(String script) {
        var plain = new StringBuilder();
        var masked = new StringBuilder();
        var doubleQuoted = new ArrayList<String>();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '<' && i + 1 < n && script.charAt(i + 1) == '#') {
                int end = script.indexOf("#>", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '#') {
                while (i < n && script.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\'') {
                int start = i++;
                while (i < n) {
                    if (script.charAt(i) == '\'') {
                        if (i + 1 < n && script.charAt(i + 1) == '\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i = Math.min(i + 1, n);
                plain.append(script, start, i);
                masked.append("''");
            } else if (c == '"') {
                int start = i++;
                while (i < n && script.charAt(i) != '"') {
                    i += script.charAt(i) == '`' ? 2 : 1;
                }
                i = Math.min(i + 1, n);
                plain.append(script, start, i);
                masked.append("\"\"");
                doubleQuoted.add(script.substring(start, i));
            } else if (c == '`' && i + 1 < n) {
                plain.append(script, i, i + 2);
                masked.append(script, i, i + 2);
                i += 2;
            } else {
                plain.append(c);
                masked.append(c);
                i++;
            }
        }
        return new PowerShellSource(plain.toString(), masked.toString(), doubleQuoted);
    }
}
