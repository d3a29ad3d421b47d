package org.footprintledger.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Numbers, units, months and dates as the pages show them in the visitor's language: "4 100 g éqCO2", "novembre
 * 2026", "3 décembre 2026"; in English "4,100 g CO2e", "November 2026", "3 December 2026". Display only: the figures
 * given are already rounded by their rule, or are exact decimals printed as they are.
 */
public final class DisplayFormat {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final Locale locale;
    private final String gramsUnit;
    private final String goUnit;
    private final String kgUnit;
    private final DateTimeFormatter month;
    private final DateTimeFormatter shortMonth;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;
    private final DateTimeFormatter timeWithSeconds;

    DisplayFormat(Locale locale, MessageSource messages) {
        this.locale = locale;
        this.gramsUnit = messages.getMessage("unit.grams", null, locale);
        this.goUnit = messages.getMessage("unit.go", null, locale);
        this.kgUnit = messages.getMessage("unit.kg", null, locale);
        this.month = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        this.shortMonth = DateTimeFormatter.ofPattern("MMM", locale);
        this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        boolean english = locale.getLanguage().equals("en");
        this.time = DateTimeFormatter.ofPattern(english ? "h:mm a" : "HH:mm", locale);
        this.timeWithSeconds = DateTimeFormatter.ofPattern(english ? "h:mm:ss a" : "HH:mm:ss", locale);
    }

    public Locale locale() {
        return locale;
    }

    public boolean english() {
        return locale.getLanguage().equals("en");
    }

    /** "4 100". */
    public String integer(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** An exact decimal with its digits as they are ("246,350735089"), grouped ("4 100,5"). */
    public String decimal(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }

    /** A decimal rounded half-up to {@code digits} places, for averages and shares. */
    public String rounded(BigDecimal value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(digits);
        format.setMinimumFractionDigits(digits);
        return format.format(value.setScale(digits, RoundingMode.HALF_UP));
    }

    /**
     * A share in 0..1 as a percentage rounded half-up to one decimal: "66,7 %" in French, "66.7%" in English
     * (0.666667); an empty text for null.
     */
    public String percent(BigDecimal share) {
        if (share == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share.setScale(3, RoundingMode.HALF_UP));
    }

    /** "4 100 g éqCO2" / "4,100 g CO2e". */
    public String grams(long grams) {
        return integer(grams) + " " + gramsUnit;
    }

    /** An exact decimal given as text, as {@link #decimal}. */
    public String exact(String value) {
        return decimal(new BigDecimal(value));
    }

    /** An exact figure of grams (an average) rounded half-up to the unit, with its unit. */
    public String roundedGrams(BigDecimal grams) {
        return grams(grams.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** A line's short id: "M1" for "S0000000-M1". */
    public String shortLineId(String subscriberId, String lineId) {
        return shortLineIdOf(subscriberId, lineId);
    }

    /** "19 Go" / "19 GB". */
    public String go(long go) {
        return integer(go) + " " + goUnit;
    }

    /** "2,8 kg éqCO2", one decimal as the device rule rounds. */
    public String kg(BigDecimal kg) {
        return rounded(kg, 1) + " " + kgUnit;
    }

    /** "novembre 2026" from "2026-11". */
    public String month(String yearMonth) {
        return month.format(YearMonth.parse(yearMonth));
    }

    public String month(YearMonth yearMonth) {
        return month.format(yearMonth);
    }

    /** "nov.", for the chart's axis. */
    public String shortMonth(String yearMonth) {
        return shortMonth.format(YearMonth.parse(yearMonth));
    }

    /** "3 décembre 2026" (Paris time). */
    public String date(Instant instant) {
        return date.format(instant.atZone(PARIS));
    }

    /** "3 décembre 2026, 10:15" (Paris time). */
    public String dateTime(Instant instant) {
        return date(instant) + ", " + time.format(instant.atZone(PARIS));
    }

    /** "3 décembre 2026, 10:15:42" (Paris time) for an ISO-8601 instant such as Axon's claim timestamps; "—" when none. */
    public String isoTimestamp(String iso) {
        if (iso == null || iso.isBlank()) {
            return "—";
        }
        Instant instant = Instant.parse(iso);
        return date(instant) + ", " + timeWithSeconds.format(instant.atZone(PARIS));
    }

    public String date(java.time.LocalDate day) {
        return date.format(day);
    }

    /** The text of rendered HTML, tags dropped and entities read, cut at a word before {@code max} characters. */
    public String plain(String html, int max) {
        String text = html == null ? "" : html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").trim();
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > 0 ? cut : max) + "…";
    }

    /** The line id without its subscriber prefix, or its last six characters. */
    public static String shortLineIdOf(String subscriberId, String lineId) {
        if (lineId.startsWith(subscriberId + "-") && lineId.length() > subscriberId.length() + 1) {
            return lineId.substring(subscriberId.length() + 1);
        }
        return lineId.length() <= 6 ? lineId : "…" + lineId.substring(lineId.length() - 6);
    }
}
