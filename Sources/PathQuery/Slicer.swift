import GoStd

/// Array subscripts: `[2]`, `[-1]`, `[*]`, `[1:3]`, `[::-1]`, `[0,2]`.
enum Slicer {
    struct SliceError: Error, Sendable {
        var message: String
    }

    /// subscript:
    ///
    ///     member (',' member)+             union: each member's indices in turn; no `*`
    ///     '*'                              every index
    ///     int                              one index; negative counts from the end
    ///     int? ':' int? (':' int?)?        start:end:step (step non-zero, default 1)
    ///
    /// White space around each part is ignored; a member is an index or a
    /// slice. Errors: `malformed array index, too many colons`, `non-integer
    /// array index`, `array index missing`, `array index step value must be
    /// non-zero`, `error in union member N: …`.
    ///
    /// Returns the indices `subscript` selects from a sequence of `length` items,
    /// in order (unions may repeat indices; out-of-range indices are kept and
    /// dropped by the caller).
    static func slice(_ sub: String, length: Int) -> Result<[Int], SliceError> {
        let union = sub.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if union.count > 1 {
            var combination: [Int] = []
            for (i, member) in union.enumerated() {
                if GoStrings.trimSpace(member) == "*" {
                    return .failure(SliceError(message: "error in union member \(i): wildcard cannot be used in union"))
                }
                switch slice(member, length: length) {
                case .success(let indices): combination += indices
                case .failure(let error):
                    return .failure(SliceError(message: "error in union member \(i): \(error.message)"))
                }
            }
            return .success(combination)
        }

        let index = GoStrings.trimSpace(sub)
        if index == "*" { return .success(indices(from: 0, to: length, step: 1, length: length)) }

        let parts = index.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 3 { return .failure(SliceError(message: "malformed array index, too many colons")) }
        var values: [Int?] = [nil, nil, nil]
        for (i, part) in parts.enumerated() {
            let text = GoStrings.trimSpace(part)
            if text.isEmpty { continue }
            guard case .success(let n) = GoStrconv.atoi(text) else {
                return .failure(SliceError(message: "non-integer array index"))
            }
            values[i] = n
        }

        if parts.count == 1 {
            guard var from = values[0] else { return .failure(SliceError(message: "array index missing")) }
            if from < 0 { from = from &+ length }
            return .success(indices(from: from, to: from &+ 1, step: 1, length: length))
        }

        let step = values[2] ?? 1
        if step == 0 { return .failure(SliceError(message: "array index step value must be non-zero")) }
        var from: Int
        if let f = values[0] {
            from = f < 0 ? f &+ length : f
        } else {
            from = step > 0 ? 0 : length - 1
        }
        var to: Int
        if let t = values[1] {
            to = t < 0 ? t &+ length : t
        } else {
            to = step > 0 ? length : -1
        }
        return .success(indices(from: from, to: to, step: step, length: length))
    }

    static func indices(from: Int, to: Int, step: Int, length: Int) -> [Int] {
        var result: [Int] = []
        var from = from, to = to
        if step > 0 {
            if from < 0 { from = 0 }
            if to > length { to = length }
            var i = from
            while i < to {
                if 0 <= i && i < length { result.append(i) }
                let (n, overflow) = i.addingReportingOverflow(step)
                if overflow { break }
                i = n
            }
        } else if step < 0 {
            if from > length { from = length }
            if to < -1 { to = -1 }
            var i = from
            while i > to {
                if 0 <= i && i < length { result.append(i) }
                let (n, overflow) = i.addingReportingOverflow(step)
                if overflow { break }
                i = n
            }
        }
        return result
    }
}
