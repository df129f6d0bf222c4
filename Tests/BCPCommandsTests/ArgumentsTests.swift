import BCPTestSupport
import XCTest
@testable import BCPCommands

/// The command-line parser on its own, and the global behaviour of `bcpsim` (help, version,
/// unknown commands), through `BCPSim.main` with a captured terminal.
final class ArgumentsTests: XCTestCase {
    enum Format: String, CaseIterable, Sendable { case md, csv, json }
    static let maxErrors = Option<Int>.int("max-errors", "N", 1...10, help: "a number")
    static let format = Option<Format>.choice("format", "FORMAT", help: "a choice")
    static let force = Option<Bool>.flag("force", help: "a flag")
    static let seed = Option<UInt64>.seed(help: "a seed")
    static let search = Option<String>.text("search", "TEXT", help: "any text")
    private let options = [maxErrors.spec, format.spec, force.spec, seed.spec, search.spec]

    private func parse(_ args: [String]) throws -> ParsedArguments {
        try ParsedArguments.parse(args, options: options, command: "demo")
    }

    private func usageError(_ args: [String], file: StaticString = #filePath, line: UInt = #line) -> UsageError? {
        do {
            let p = try parse(args)
            XCTFail("parsed \(p.positionals) without an error", file: file, line: line)
        } catch let e as UsageError {
            return e
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return nil
    }

    /// Runs bcpsim with `args`: the exit status and what went to standard output and error.
    private func run(_ args: [String]) -> (code: Int32, out: String, err: String) { CLI.run(args) }

    // MARK: ParsedArguments

    func testOptionWithSeparateValue() throws {
        let p = try parse(["--max-errors", "5", "dir"])
        XCTAssertEqual(p.value("max-errors"), "5")
        XCTAssertEqual(p.positionals, ["dir"])
        XCTAssertNil(p.value("format"))
    }

    func testOptionWithInlineValue() throws {
        let p = try parse(["dir", "--max-errors=5", "--format=csv"])
        XCTAssertEqual(p.value("max-errors"), "5")
        XCTAssertEqual(p.value("format"), "csv")
        XCTAssertEqual(p.positionals, ["dir"])
        // Only the first '=' separates: the value may hold more.
        XCTAssertEqual(try parse(["--search=a=b"])[Self.search], "a=b")
        // An empty inline value is a value (checked by the option's type).
        XCTAssertEqual(try parse(["--search="])[Self.search], "")
        XCTAssertEqual(usageError(["--max-errors="])?.message, "'--max-errors' expects a whole number in 1...10, found ''")
    }

    /// Issue 16 trial: "--out --force" made a folder named "--force". A value that starts with
    /// "--" is taken as a forgotten value; it can still be given inline.
    func testAnOptionIsNotTakenAsAValue() throws {
        XCTAssertEqual(usageError(["--search", "--force", "dir"])?.message, "option '--search' needs a value (TEXT), found the option '--force'")
        XCTAssertEqual(try parse(["--search=--force"])[Self.search], "--force")
        XCTAssertEqual(try parse(["--search", "-x"])[Self.search], "-x")
    }

    func testFlagsAndLaterOccurrencesWin() throws {
        let p = try parse(["--force", "--max-errors", "1", "--max-errors", "2"])
        XCTAssertTrue(p.has("force"))
        XCTAssertFalse(p.has("format"))
        XCTAssertEqual(p.value("max-errors"), "2")
    }

    func testDoubleDashEndsOptions() throws {
        let p = try parse(["a", "--", "--force", "--max-errors", "-x", "--"])
        XCTAssertEqual(p.positionals, ["a", "--force", "--max-errors", "-x", "--"])
        XCTAssertFalse(p.has("force"))
        XCTAssertNil(p.value("max-errors"))
    }

    func testLoneDashIsAPositional() throws {
        XCTAssertEqual(try parse(["-"]).positionals, ["-"])
    }

    func testValueMayStartWithADash() throws {
        // The word after an option that takes a value is its value, whatever it looks like.
        XCTAssertEqual(try parse(["--search", "-3"])[Self.search], "-3")
    }

    func testUnknownOptionSuggestsTheClosest() {
        let e = usageError(["--max-erors", "5"])
        XCTAssertEqual(e?.message, "unknown option '--max-erors'")
        XCTAssertEqual(e?.hint, "did you mean '--max-errors'? see 'bcpsim demo --help'")
        // Nothing close: only the pointer to help.
        XCTAssertEqual(usageError(["--verbose"])?.hint, "see 'bcpsim demo --help'")
        // The name before '=' is what is looked up.
        XCTAssertEqual(usageError(["--fromat=csv"])?.message, "unknown option '--fromat'")
        XCTAssertEqual(usageError(["--fromat=csv"])?.hint, "did you mean '--format'? see 'bcpsim demo --help'")
    }

    func testSingleDashOptionsAreUnknown() {
        XCTAssertEqual(usageError(["-f"])?.message, "unknown option '-f'")
    }

    func testMissingValue() {
        XCTAssertEqual(usageError(["dir", "--max-errors"])?.message, "option '--max-errors' needs a value (N)")
    }

    func testFlagGivenAValue() {
        XCTAssertEqual(usageError(["--force=yes"])?.message, "option '--force' takes no value")
    }

    func testBadChoice() {
        let e = usageError(["--format", "xml"])
        XCTAssertEqual(e?.message, "'xml' is not a valid value for '--format'; expected one of: md, csv, json")
        XCTAssertEqual(e?.hint, "see 'bcpsim demo --help'")
        XCTAssertNotNil(usageError(["--format=MD"]), "choices are case-sensitive")
    }

    /// Values are checked when the command line is read; a command then reads typed values.
    func testTypedOptions() throws {
        XCTAssertNil(try parse([])[Self.maxErrors])
        XCTAssertEqual(try parse(["--max-errors=10"])[Self.maxErrors], 10)
        for bad in ["0", "11", "x", "", "1.5"] {
            XCTAssertEqual(usageError(["--max-errors=\(bad)"])?.message, "'--max-errors' expects a whole number in 1...10, found '\(bad)'", bad)
        }
        XCTAssertEqual(try parse(["--format", "csv"])[Self.format], .csv)
        XCTAssertTrue(try parse(["--force"])[Self.force])
        XCTAssertFalse(try parse([])[Self.force])
    }

    /// Seeds are UInt64 end to end: every replica seed `run` prints can be given back.
    func testSeedTakesEveryUInt64() throws {
        XCTAssertEqual(try parse(["--seed", "18446744073709551615"])[Self.seed], UInt64.max)
        XCTAssertEqual(try parse(["--seed=13679457532755275413"])[Self.seed], 13_679_457_532_755_275_413)
        XCTAssertEqual(usageError(["--seed", "18446744073709551616"])?.message,
                       "'--seed' expects a whole number 0...18446744073709551615, found '18446744073709551616'")
        XCTAssertNotNil(usageError(["--seed", "-1"]))
    }

    func testShardSpec() {
        XCTAssertEqual(ShardSpec("2/3"), ShardSpec("2/3"))
        XCTAssertEqual(ShardSpec("2/3")?.k, 2)
        for bad in ["0/3", "4/3", "1/0", "a/b", "1/2/3", "3", "/", "1/"] { XCTAssertNil(ShardSpec(bad), bad) }
    }

    func testEditDistance() {
        XCTAssertEqual(editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(editDistance("", "abc"), 3)
        XCTAssertEqual(editDistance("abc", ""), 3)
        XCTAssertEqual(editDistance("validate", "validate"), 0)
        XCTAssertEqual(editDistance("validate", "vaildate"), 2)  // a swap is two edits
        XCTAssertEqual(editDistance("千代田", "千田"), 1)
    }

    // MARK: bcpsim as a whole

    func testVersion() {
        let r = run(["--version"])
        XCTAssertEqual(r.code, 0)
        XCTAssertEqual(r.out, "bcpsim \(BCPSim.version)\n")
        XCTAssertEqual(r.err, "")
        XCTAssertNotNil(BCPSim.version.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression), BCPSim.version)
    }

    func testHelpListsEveryCommand() {
        for args in [["--help"], ["-h"], ["help"], []] {
            let r = run(args)
            XCTAssertEqual(r.code, 0, "\(args)")
            XCTAssertEqual(r.err, "", "\(args)")
            XCTAssertTrue(r.out.hasPrefix("bcpsim \(BCPSim.version) - "), "\(args)")
            for c in BCPSim.commands { XCTAssertTrue(r.out.contains("    \(c.name) "), "\(args): \(c.name) missing") }
            XCTAssertTrue(r.out.contains("Exit status: 0 success, 64 wrong command line, 65 bad input data"))
        }
    }

    func testUnknownCommand() {
        let r = run(["validat", "x"])
        XCTAssertEqual(r.code, 64)
        XCTAssertEqual(r.out, "")
        XCTAssertEqual(r.err, "error: unknown command 'validat'\ndid you mean 'validate'? see 'bcpsim --help'\n")
        let far = run(["simulate-everything"])
        XCTAssertEqual(far.code, 64)
        XCTAssertEqual(far.err, "error: unknown command 'simulate-everything'\nsee 'bcpsim --help'\n")
    }

    func testUnknownTopLevelOptionIsAnUnknownCommand() {
        let r = run(["--verbose"])
        XCTAssertEqual(r.code, 64)
        XCTAssertEqual(r.err.split(separator: "\n").first, "error: unknown command '--verbose'")
    }
}

final class CommandHelpFlagTests: XCTestCase {
    func testShortHelpInsideACommandShowsTheManPage() {
        // `bcpsim validate -h` is what people type; it must not be an unknown-option error.
        let term = CapturedTerminal()
        XCTAssertEqual(BCPSim.main(["validate", "-h"], terminal: term.terminal), 0)
        XCTAssertTrue(term.out.hasPrefix("NAME\n    bcpsim validate - "), term.out)
        XCTAssertEqual(term.err, "")
    }
}
