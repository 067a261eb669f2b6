import Testing

@testable import ExplainerEngine

@Suite("Word tables")
struct WordTableTests {
    @Test("values are found by word and by substring, replaced and removed")
    func lookups() {
        var table = WordTable<Int>()
        for (index, word) in ["harbour", "pier", "ferry", "chief executive", "Zoë"].enumerated() { table[word] = index }
        #expect(table["ferry"] == 2)
        #expect(table["chief executive"] == 3)
        #expect(table["Zoë"] == 4)
        #expect(table["ferries"] == nil)
        let line = "the ferry left"
        #expect(table[line.dropFirst(4).prefix(5)] == 2)
        table["ferry"] = 7
        #expect(table["ferry"] == 7)
        table["pier"] = nil
        #expect(table["pier"] == nil)
        #expect(table["harbour"] == 0)
        #expect(table.count == 4)
    }

    @Test("a table keeps every word as it grows")
    func growth() {
        var table = WordTable<Int>(minimumCapacity: 4)
        for number in 0..<5_000 { table["word\(number)"] = number }
        let missing = (0..<5_000).filter { (number: Int) -> Bool in table["word\(number)"] != number }
        #expect(missing.isEmpty)
        #expect(table["word5000"] == nil)
    }

    @Test("a word set answers membership and lists its words")
    func wordSet() {
        let set: WordSet = ["said", "told", "added"]
        #expect(set.contains("told"))
        #expect(!set.contains("tells"))
        #expect(Set(set) == ["said", "told", "added"])
    }
}
