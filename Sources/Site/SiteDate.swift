import Foundation

/// Dates as the site writes them: machine-readable in UTC, and for readers in the site's language.
///
/// Content dates are calendar days (`date: 2024-06-19` is midnight UTC), so every form uses UTC:
/// the same day on every machine whatever its time zone.
enum SiteDate {
    /// `2024-06-19T00:00:00Z`.
    static func iso8601(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: utc))
    }

    /// `2024-06-19`, for `<time datetime>` and sitemaps.
    ///
    /// Years 1600 to 9999 are worked out directly (Gregorian days from 1970, by Howard
    /// Hinnant's `civil_from_days`), as a large site formats tens of thousands; others go
    /// through `Date.ISO8601FormatStyle`, which switches to the Julian calendar before 1582.
    static func day(_ date: Date) -> String {
        if let (year, month, day) = civil(date), (1600...9999).contains(year) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(10)
            for (value, width) in [(year, 4), (month, 2), (day, 2)] {
                if !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
                var rest = value
                for index in stride(from: width - 1, through: 0, by: -1) {
                    digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                bytes += digits
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return date.formatted(Date.ISO8601FormatStyle(timeZone: utc).year().month().day())
    }

    /// The UTC calendar day of `date`: year, month (1–12), day (1–31).
    static func civil(_ date: Date) -> (Int, Int, Int)? {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e15 else { return nil }
        let days = Int((seconds / 86_400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `June 19, 2024` in English, `19 juin 2024` in French.
    static func display(_ date: Date, language: String) -> String {
        date.formatted(displayStyle(language: language))
    }

    /// The style of `display(_:language:)`, to format many dates without making it again
    /// (making a locale costs more than formatting a date).
    static func displayStyle(language: String) -> Date.FormatStyle {
        var style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: language), timeZone: utc)
        style.calendar = Calendar(identifier: .gregorian)
        return style
    }

    /// The year, for the archive.
    static func year(_ date: Date) -> Int {
        if let (year, _, _) = civil(date), (1600...9999).contains(year) { return year }
        return calendarYear(date)
    }

    private static func calendarYear(_ date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar.component(.year, from: date)
    }

    static let utc = TimeZone(identifier: "UTC")!
}
