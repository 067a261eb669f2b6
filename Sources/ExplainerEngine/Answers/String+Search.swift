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
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
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
                if matched { return true }
            }
            index += 1
        }
        return false
    }
}
