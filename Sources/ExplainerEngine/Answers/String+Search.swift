/// Substring search on UTF-8 bytes, without Foundation's locale-aware machinery.
extension StringProtocol {
    /// Whether `other` occurs in the text, byte for byte.
    func includes(_ other: some StringProtocol) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ haystack in
            other.utf8.withContiguousStorageIfAvailable { needle in Self.search(haystack, needle) }
        }), let found {
            return found
        }
        let haystack = Array(utf8)
        let needle = Array(other.utf8)
        return haystack.withUnsafeBufferPointer { haystack in needle.withUnsafeBufferPointer { Self.search(haystack, $0) } }
    }

    private static func search(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        firstOffset(of: needle, in: haystack) != nil
    }

    /// The byte offset of the first occurrence of `needle` in `haystack`.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}

extension String {
    /// Where `other` first occurs in the text, byte for byte.
    func firstRange(ofBytes other: String) -> Range<String.Index>? {
        var text = self
        var other = other
        let offset = text.withUTF8 { haystack in other.withUTF8 { needle in Self.firstOffset(of: needle, in: haystack) } }
        guard let offset else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: other.utf8.count)
    }
}
