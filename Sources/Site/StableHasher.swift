import Foundation

/// A 128-bit fingerprint that is the same on every machine and in every run, for the build
/// cache: whether an input changed, whether a page would render the same.
///
/// Swift's `Hasher` is seeded per process, so it cannot be stored. This one reads eight bytes
/// at a time into two independent lanes and finishes each with MurmurHash3's mixer. It is not
/// cryptographic — nobody gains by forging a collision with their own content — but every
/// value is fed with its length or a tag, so `("ab", "c")` and `("a", "bc")` differ.
struct StableHasher {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var count: UInt64 = 0

    init() {}

    /// A hasher that starts from `seed` (a digest computed earlier).
    init(seed: Digest) {
        combine(seed)
    }

    mutating func combine(bytes: UnsafeRawBufferPointer) {
        var index = 0
        let total = bytes.count
        while index + 8 <= total {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        if index < total {
            var last: UInt64 = 0
            var shift: UInt64 = 0
            while index < total {
                last |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            mix(last ^ 0xFF00_0000_0000_0000)
        }
        mix(UInt64(total))
    }

    mutating func combine(_ value: UInt64) {
        mix(value)
    }

    mutating func combine(_ value: Int) {
        mix(UInt64(bitPattern: Int64(value)))
    }

    mutating func combine(_ value: Bool) {
        mix(value ? 0xB1 : 0xB0)
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(_ text: String?) {
        if let text {
            mix(1)
            combine(text)
        } else {
            mix(0)
        }
    }

    mutating func combine(_ data: Data) {
        data.withUnsafeBytes { combine(bytes: $0) }
    }

    mutating func combine(_ digest: Digest) {
        mix(digest.high)
        mix(digest.low)
    }

    mutating func combine(_ texts: [String]) {
        mix(UInt64(texts.count))
        for text in texts { combine(text) }
    }

    mutating func combine(_ date: Date?) {
        if let date {
            mix(1)
            mix(date.timeIntervalSinceReferenceDate.bitPattern)
        } else {
            mix(0)
        }
    }

    private mutating func mix(_ word: UInt64) {
        count &+= 1
        a = (a ^ word) &* 0x8748_3D1F_2B5E_4C3B
        a = (a << 29) | (a >> 35)
        b = (b &+ word) &* 0x2545_F491_4F6C_DD1D
        b ^= b >> 31
    }

    func finalize() -> Digest {
        Digest(high: Self.fmix(a ^ count), low: Self.fmix(b &+ (count &* 0x9E37_79B9_7F4A_7C15)))
    }

    private static func fmix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k &*= 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }

    /// A finished fingerprint.
    struct Digest: Hashable, Sendable, CustomStringConvertible {
        var high: UInt64
        var low: UInt64

        static let zero = Digest(high: 0, low: 0)

        var description: String {
            let hex = { (value: UInt64) in
                let text = String(value, radix: 16)
                return String(repeating: "0", count: 16 - text.count) + text
            }
            return hex(high) + hex(low)
        }
    }

    /// The digest of `build` applied to a fresh hasher.
    static func digest(_ build: (inout StableHasher) -> Void) -> Digest {
        var hasher = StableHasher()
        build(&hasher)
        return hasher.finalize()
    }
}
