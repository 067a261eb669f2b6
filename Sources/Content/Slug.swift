import Foundation

/// URL-safe names for articles: lowercase ASCII letters, digits and single hyphens.
public enum Slug {
    /// The longest slug we produce; longer names are cut at a hyphen where possible.
    public static let maximumLength = 80

    /// Reduces any text to a slug: letters are lowercased and stripped of accents, every other
    /// run of characters becomes one hyphen, and hyphens at either end are dropped.
    ///
    /// Returns an empty string when nothing usable is left (for example "../" or "???").
    public static func make(from text: String) -> String {
        var result = ""
        var pendingHyphen = false
        let folded = text.applyingTransformIfPossible()
        for scalar in folded.unicodeScalars {
            let value = scalar.value
            let isLetter = (value >= 0x61 && value <= 0x7A)
            let isUpper = (value >= 0x41 && value <= 0x5A)
            let isDigit = (value >= 0x30 && value <= 0x39)
            if isLetter || isUpper || isDigit {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(isUpper ? Unicode.Scalar(value + 0x20)! : scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // "Kim's" → "kims", not "kim-s"
            } else {
                pendingHyphen = true
            }
        }
        if result.count > maximumLength {
            let cut = result.prefix(maximumLength)
            if let lastHyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: lastHyphen) > maximumLength / 2 {
                result = String(cut[..<lastHyphen])
            } else {
                result = String(cut)
            }
        }
        return result
    }
}

extension String {
    /// Decomposes accented letters so "Zoë" slugs as "zoe".
    fileprivate func applyingTransformIfPossible() -> String {
        String(String.UnicodeScalarView(decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !(0x300...0x36F).contains($0.value)
        }))
    }
}
