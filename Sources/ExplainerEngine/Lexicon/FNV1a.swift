/// FNV-1a, 64-bit: the hash behind the engine's word tables and question keys.
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// As `adding`, with `_` read as a space: WordNet joins the words of a lemma with `_`.
    @inline(__always)
    static func addingLemmaByte(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        adding(byte == 0x5F ? 0x20 : byte, to: hash)
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes { hash = adding(byte, to: hash) }
        return hash
    }
}
