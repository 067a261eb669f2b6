import Foundation

/// Runs independent work items on several cores and puts the results back in input order.
///
/// Items are handed out in chunks, at most `maxConcurrency` chunks at a time, so ten thousand
/// pages make a few hundred tasks rather than ten thousand. With `maxConcurrency` 1 the work runs
/// in order on the calling task: a build on one core makes exactly the same calls.
enum ParallelWork {
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], maxConcurrency: Int, chunkSize: Int = 16,
        _ transform: @escaping @Sendable (Item) throws -> Result
    ) async throws -> [Result] {
        guard maxConcurrency > 1, items.count > 1 else {
            return try items.map(transform)
        }
        let chunks = stride(from: 0, to: items.count, by: chunkSize).map { $0..<min($0 + chunkSize, items.count) }
        return try await withThrowingTaskGroup(of: (Int, [Result]).self, returning: [Result].self) { group in
            var results = [[Result]?](repeating: nil, count: chunks.count)
            var next = 0
            func addNext() {
                let index = next
                let range = chunks[index]
                next += 1
                group.addTask { (index, try items[range].map(transform)) }
            }
            while next < min(maxConcurrency, chunks.count) { addNext() }
            while let (index, chunkResults) = try await group.next() {
                results[index] = chunkResults
                if next < chunks.count { addNext() }
            }
            return results.flatMap { $0! }
        }
    }

    /// `map` where each task gets a whole chunk, so it can set up scratch space once per chunk.
    static func mapChunks<Item: Sendable, Result: Sendable>(
        _ items: [Item], maxConcurrency: Int, chunkSize: Int = 256,
        _ transform: @escaping @Sendable (ArraySlice<Item>) throws -> [Result]
    ) async throws -> [Result] {
        let chunks = stride(from: 0, to: items.count, by: chunkSize).map { items[$0..<min($0 + chunkSize, items.count)] }
        return try await map(chunks, maxConcurrency: maxConcurrency, chunkSize: 1, transform).flatMap { $0 }
    }

    /// `map` for work whose results are not needed.
    static func forEach<Item: Sendable>(
        _ items: [Item], maxConcurrency: Int, chunkSize: Int = 16, _ body: @escaping @Sendable (Item) throws -> Void
    ) async throws {
        _ = try await map(items, maxConcurrency: maxConcurrency, chunkSize: chunkSize, body)
    }

    /// The number of cores, the default concurrency.
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
