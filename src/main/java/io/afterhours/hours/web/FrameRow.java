package io.afterhours.hours.web;

import io.afterhours.hours.boundary.FrameText;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** One editable row of the frames table: the form's fields, as typed. */
public class FrameRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String weekday;
    private String start;
    private String end;
    // A mutable list: Faces fills the submitted values into a new instance of the same collection class.
    private List<String> types;

    FrameRow(String weekday, String start, String end, List<String> types) {
        this.weekday = weekday;
        this.start = start;
        this.end = end;
        this.types = new ArrayList<>(types);
    }

    static FrameRow of(FrameText frame) {
        return new FrameRow(frame.weekday(), frame.start(), frame.end(), List.copyOf(frame.sessionTypes()));
    }

    FrameText text() {
        return new FrameText(weekday, start, end, types == null ? null : new LinkedHashSet<>(types));
    }

    public String getWeekday() {
        return weekday;
    }

    public void setWeekday(String weekday) {
        this.weekday = weekday;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public List<String> getTypes() {
        return types;
    }

    public void setTypes(List<String> types) {
        this.types = types;
    }
}
