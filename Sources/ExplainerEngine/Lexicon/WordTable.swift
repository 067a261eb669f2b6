/// A map from words to values, for the word lists the tagger and the question rules ask about
/// on every token.
///
/// Lookups hash the word's UTF-8 bytes with FNV-1a and probe an open-addressing table, then
/// compare the word itself, so an answer is exact; this is several times cheaper than the
/// standard library's seeded hashing of `String` keys, which matters at a few dozen lookups a word.
struct WordTable<Value>: Sequence {
    private var storedKeys: [String] = []
    private var values: [Value] = []
    private var hashes: [UInt64] = []
    /// Index into `storedKeys` plus one; 0 is an empty slot. Its count is a power of two.
    private var slots: [Int32] = [Int32](repeating: 0, count: 16)

    init() {}

    /// An empty table with room for `capacity` words before it grows.
    init(minimumCapacity capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        storedKeys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    init(_ pairs: some Sequence<(String, Value)>) {
        for (key, value) in pairs { self[key] = value }
    }

    var count: Int { storedKeys.count }
    var isEmpty: Bool { storedKeys.isEmpty }

    /// The words, in the order they were added.
    var keys: [String] { storedKeys }

    @inline(__always)
    static func hash(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8(FNV1a.hash)
    }

    @inline(__always)
    static func hash(_ word: Substring) -> UInt64 {
        var word = word
        return word.withUTF8(FNV1a.hash)
    }

    private func slot(of word: some StringProtocol, hash: UInt64) -> (slot: Int, index: Int?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return (slot, nil) }
            if hashes[entry - 1] == hash, storedKeys[entry - 1] == word { return (slot, entry - 1) }
            slot = (slot + 1) & mask
        }
    }

    subscript(_ word: String) -> Value? {
        get {
            guard !storedKeys.isEmpty else { return nil }
            return slot(of: word, hash: Self.hash(word)).index.map { values[$0] }
        }
        set {
            let hash = Self.hash(word)
            let found = slot(of: word, hash: hash)
            if let index = found.index {
                if let newValue {
                    values[index] = newValue
                } else {
                    remove(at: index)
                }
                return
            }
            guard let newValue else { return }
            storedKeys.append(word)
            values.append(newValue)
            hashes.append(hash)
            if storedKeys.count * 2 > slots.count {
                rebuild(capacity: slots.count * 2)
            } else {
                slots[found.slot] = Int32(storedKeys.count)
            }
        }
    }

    subscript(_ word: String, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[word] ?? defaultValue() }
        set { self[word] = newValue }
    }

    /// The value for a word spelled by a substring, without making a `String` of it.
    subscript(_ word: Substring) -> Value? {
        guard !storedKeys.isEmpty else { return nil }
        return slot(of: word, hash: Self.hash(word)).index.map { values[$0] }
    }

    private mutating func remove(at index: Int) {
        storedKeys.remove(at: index)
        values.remove(at: index)
        hashes.remove(at: index)
        rebuild(capacity: slots.count)
    }

    private mutating func rebuild(capacity: Int) {
        slots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    func makeIterator() -> Zip2Sequence<[String], [Value]>.Iterator {
        zip(storedKeys, values).makeIterator()
    }
}

extension WordTable: Sendable where Value: Sendable {}

/// A set of words with `WordTable`'s cheap lookups.
struct WordSet: Sequence, Sendable, ExpressibleByArrayLiteral {
    private var table = WordTable<Bool>()

    init() {}

    init(_ words: some Sequence<String>) {
        for word in words { table[word] = true }
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    var count: Int { table.count }
    var isEmpty: Bool { table.isEmpty }

    func contains(_ word: String) -> Bool { table[word] != nil }
    func contains(_ word: Substring) -> Bool { table[word] != nil }

    mutating func insert(_ word: String) { table[word] = true }

    func makeIterator() -> IndexingIterator<[String]> { table.keys.makeIterator() }
}

/// 64-bit lemma hashes → packed class bytes, in one open-addressing array: WordNet's ~150,000
/// lemmas without the cost of the standard dictionary's seeded hashing on every lookup.
///
/// A slot holds its key and its value side by side, so a lookup that finds its lemma touches
/// one cache line of this large table, not two.
struct PackedHashTable: Sendable {
    /// One key and its value; key 0 is an empty slot.
    private struct Slot: Sendable {
        var key: UInt64
        var value: UInt32
    }

    private var slots: [Slot]
    private(set) var count = 0

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: size)
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    private static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    subscript(_ hash: UInt64) -> UInt32? {
        let key = Self.key(hash)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
        while true {
            let stored = slots[slot].key
            if stored == key { return slots[slot].value }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// ORs `bits` into the value of `hash`, adding it when new.
    mutating func insert(_ hash: UInt64, orBits bits: UInt32) {
        if (count + 1) * 2 > slots.count { grow() }
        let key = Self.key(hash)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
        while true {
            let stored = slots[slot].key
            if stored == key {
                slots[slot].value |= bits
                return
            }
            if stored == 0 {
                slots[slot] = Slot(key: key, value: bits)
                count += 1
                return
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: old.count * 2)
        count = 0
        for slot in old where slot.key != 0 { insert(slot.key, orBits: slot.value) }
    }
}
