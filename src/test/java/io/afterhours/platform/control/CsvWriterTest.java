package io.afterhours.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The export's CSV: RFC 4180 quoting, a BOM for Excel, and no cell a spreadsheet would run as a formula. */
class CsvWriterTest {

    @Test
    void startsWithABomAndEndsRowsWithCrLf() throws IOException {
        StringWriter out = new StringWriter();

        new CsvWriter(out).bom().row("seq", "action").row("1", "request.opened");

        assertEquals("\uFEFFseq,action\r\n1,request.opened\r\n", out.toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=HYPERLINK(\"http://x\")",
                "+1",
                "-1+1",
                "@SUM(A1)",
                "\tcmd",
                "\rcmd",
                "\uFF1D1+1",
                "\uFF0B1",
                "\uFF0D1",
                "\uFF20SUM(A1)"
            })
    void everyFormulaStartIsNeutralisedWithAnApostrophe(String value) {
        String cell = CsvWriter.cell(value);

        String unquoted =
                cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertEquals("'" + value, unquoted);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"plain|plain", "a,b|\"a,b\"", "say \"hi\"|\"say \"\"hi\"\"\"", "x=1|x=1", "Zoë 東京|Zoë 東京"})
    void quotesOnlyWhatRfc4180Requires(String value, String expected) {
        assertEquals(expected, CsvWriter.cell(value));
    }

    @Test
    void lineBreaksInsideACellAreQuotedAndKept() {
        assertEquals("\"line one\nline two\"", CsvWriter.cell("line one\nline two"));
        assertEquals("\"a\r\nb\"", CsvWriter.cell("a\r\nb"));
    }

    @Test
    void aFormulaWithACommaIsBothNeutralisedAndQuoted() {
        assertEquals("\"'=SUM(A1,A2)\"", CsvWriter.cell("=SUM(A1,A2)"));
    }

    @Test
    void nullAndEmptyAreEmptyCells() throws IOException {
        StringWriter out = new StringWriter();

        new CsvWriter(out).row(null, "", "x");

        assertEquals(",,x\r\n", out.toString());
    }
}
