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
    static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: utc).year().month().day())
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
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar.component(.year, from: date)
    }

    static let utc = TimeZone(identifier: "UTC")!
}
