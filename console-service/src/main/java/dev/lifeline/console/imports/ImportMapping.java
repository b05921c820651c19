package dev.lifeline.console.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The owner's choice for each column turned into the header contact-service reads: a field's import column name,
 * {@code attr.<the column's own name>} for "keep as attribute", and a name no field has for "ignore" (the upload
 * then says {@code unknownColumns=ignore}). Only the header changes; the rows go as they are.
 */
public final class ImportMapping {

    /** The new header, or messages keyed {@code col<i>} (next to that column's choice) or {@code mapping}. */
    public record Result(List<String> header, Map<String, String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private ImportMapping() {}

    public static Result of(List<String> columns, List<String> choices) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (choices.size() != columns.size()) {
            errors.put("mapping", "The form did not match the file. Upload the file again.");
            return new Result(List.of(), errors);
        }
        List<String> header = new ArrayList<>();
        Map<String, Integer> fieldAt = new HashMap<>();
        Set<String> attributes = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String choice = choices.get(i) == null ? "" : choices.get(i);
            if (!ImportPresets.CHOICES.containsKey(choice)) {
                errors.put("col" + i, "Choose what this column is.");
                header.add("");
            } else if (choice.equals(ImportPresets.IGNORE)) {
                header.add("ignored column " + (i + 1));
            } else if (choice.equals(ImportPresets.ATTRIBUTE)) {
                String name = columns.get(i).isBlank()
                        ? "column " + (i + 1)
                        : columns.get(i).strip();
                if (name.length() > 64) {
                    errors.put("col" + i, "An attribute's name can be at most 64 characters; ignore this column.");
                } else if (!attributes.add(name)) {
                    errors.put("col" + i, "Another column is kept as an attribute of the same name.");
                }
                header.add("attr." + name);
            } else {
                Integer earlier = fieldAt.putIfAbsent(choice, i);
                if (earlier != null) {
                    errors.put(
                            "col" + i,
                            "Column " + (earlier + 1) + " is already the " + ImportPresets.CHOICES.get(choice) + ".");
                }
                header.add(choice);
            }
        }
        if (!fieldAt.containsKey("email") && !fieldAt.containsKey("phone")) {
            errors.put("mapping", "Choose the column with the e-mail address or the one with the phone number.");
        }
        return new Result(header, errors);
    }

    /** The header as a CSV line: every name quoted, so that commas and quotes in names stay in their column. */
    static String line(List<String> header) {
        List<String> quoted = new ArrayList<>();
        for (String name : header) {
            quoted.add('"' + name.replace("\"", "\"\"") + '"');
        }
        return String.join(",", quoted) + "\r\n";
    }
}
