import Foundation

/// A short, stable fingerprint of bytes, for cache-busting file names.
///
/// 64-bit FNV-1a: not cryptographic, which a file name that changes with its content does not
/// need, and the same on every machine and every run.
enum ContentHash {
    static func hex(of data: Data, length: Int = 16) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return String(padded.prefix(length))
    }
}
