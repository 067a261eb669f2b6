import Testing

@testable import Content

@Suite("Slug")
struct SlugTests {
    @Test("slugs keep lowercase letters, digits and single hyphens", arguments: [
        ("Putin-Kim Gifts!", "putin-kim-gifts"),
        ("  Zoë Müller scores  ", "zoe-muller-scores"),
        ("Kim's collection", "kims-collection"),
        ("../../etc/passwd", "etc-passwd"),
        ("a\\b/c\u{0}d", "a-b-c-d"),
        ("2024 Budget: 7-2 vote", "2024-budget-7-2-vote"),
        ("...", ""),
        ("🏆🏆", ""),
        ("مرحبا", ""),
    ])
    func make(input: String, expected: String) {
        #expect(Slug.make(from: input) == expected)
    }

    @Test("long slugs are cut at a hyphen within the maximum length")
    func longSlugsAreCut() {
        let slug = Slug.make(from: String(repeating: "word ", count: 100))
        #expect(slug.count <= Slug.maximumLength)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasPrefix("word-word"))
    }
}
