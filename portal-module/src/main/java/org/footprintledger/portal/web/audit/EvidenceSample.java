package org.footprintledger.portal.web.audit;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.portal.web.RequestParameters;

/**
 * The subscriber-months an auditor asks evidence for: subscribers as a comma-separated list of ids, months as a
 * comma-separated list of {@code yyyy-MM} or ranges {@code yyyy-MM..yyyy-MM}; every subscriber with every month, at
 * most {@code maximum} subscriber-months.
 */
record EvidenceSample(List<String> subscribers, List<YearMonth> months) {

    private static final Pattern SUBSCRIBER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static EvidenceSample parse(String subscribers, String months, int maximum) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : split(subscribers, "subscribers")) {
            if (!SUBSCRIBER_ID.matcher(id).matches()) {
                throw new BadRequestException("subscribers: \"" + shortened(id) + "\" is not a subscriber id (1 to 64 "
                        + "letters, digits, '.', '_' or '-')", null, null);
            }
            ids.add(id);
        }
        Set<YearMonth> chosen = new LinkedHashSet<>();
        for (String part : split(months, "months")) {
            int range = part.indexOf("..");
            if (range < 0) {
                chosen.add(RequestParameters.month(part, "months"));
                continue;
            }
            YearMonth from = RequestParameters.month(part.substring(0, range), "months");
            YearMonth to = RequestParameters.month(part.substring(range + 2), "months");
            if (to.isBefore(from)) {
                throw new BadRequestException("months: " + part + " ends before it starts", null, null);
            }
            for (YearMonth month = from; !month.isAfter(to) && chosen.size() <= maximum; month = month.plusMonths(1)) {
                chosen.add(month);
            }
        }
        long asked = (long) ids.size() * chosen.size();
        if (asked > maximum) {
            throw new BadRequestException("at most " + maximum + " subscriber-months per evidence archive, asked "
                    + (chosen.size() > maximum ? "more than " + maximum : String.valueOf(asked)) + " (" + ids.size()
                    + " subscribers × " + chosen.size() + " months): ask for a smaller sample", null, null);
        }
        return new EvidenceSample(List.copyOf(ids), List.copyOf(chosen));
    }

    private static List<String> split(String value, String name) {
        List<String> parts = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        if (parts.isEmpty()) {
            throw new BadRequestException(name + " is required (comma-separated)", null, null);
        }
        return parts;
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
