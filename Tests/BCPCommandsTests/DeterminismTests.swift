import Foundation
import BCPTestSupport
import XCTest

/// The same scenario gives byte-identical output whatever the locale, time zone and thread
/// count: `bcpsim validate` and `bcpsim run` on Scenarios/island-typhoon, run as processes with
/// each environment, compared byte for byte (stdout, stderr, status and every file written).
final class DeterminismTests: XCTestCase {
    static let scenario = BuiltBinary.repository.appendingPathComponent("Scenarios/island-typhoon").path

    private var folders: [URL] = []

    override func tearDown() {
        for f in folders { try? FileManager.default.removeItem(at: f) }
        folders = []
        super.tearDown()
    }

    /// Every (locale, time zone) pair, the environment otherwise only PATH and HOME.
    static let environments: [[String: String]] = {
        var out: [[String: String]] = []
        for locale in ["C", "ja_JP.UTF-8", "en_US.UTF-8"] {
            for tz in ["UTC", "Asia/Tokyo", "America/Los_Angeles"] {
                out.append(["LANG": locale, "LC_ALL": locale, "TZ": tz, "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()])
            }
        }
        return out
    }()

    private func files(in dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey])
        while let u = e?.nextObject() as? URL {
            guard (try u.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            out[String(u.path.dropFirst(dir.path.count))] = try Data(contentsOf: u)
        }
        return out
    }

    func testValidateIsByteIdenticalAcrossLocalesAndTimeZones() throws {
        var first: BuiltBinary.Outcome?
        for env in Self.environments {
            let r = try BuiltBinary.run(["validate", Self.scenario], environment: env)
            XCTAssertEqual(r.reason, .exit)
            XCTAssertEqual(r.status, 0, r.errText)
            if let f = first {
                XCTAssertEqual(r.out, f.out, "validate stdout differs under \(env)")
                XCTAssertEqual(r.err, f.err, "validate stderr differs under \(env)")
            } else {
                first = r
            }
        }
    }

    func testRunIsByteIdenticalAcrossLocalesTimeZonesAndThreads() throws {
        var reference: (out: Data, files: [String: Data])?
        var cases: [([String: String], String)] = Self.environments.map { ($0, "1") }
        cases += [(Self.environments[0], "2"), (Self.environments[4], "2"), (Self.environments[8], "3")]
        for (env, threads) in cases {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-det-\(UUID().uuidString)")
            folders.append(dir)
            // The output folder name appears in what run prints: the same name in a fresh parent.
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let r = try BuiltBinary.run(["run", Self.scenario, "--out", "out", "--replicas", "4", "--threads", threads], environment: env, in: dir)
            XCTAssertEqual(r.reason, .exit)
            XCTAssertEqual(r.status, 0, r.errText)
            XCTAssertEqual(r.errText, "")
            let written = try files(in: dir.appendingPathComponent("out"))
            XCTAssertFalse(written.isEmpty)
            if let ref = reference {
                XCTAssertEqual(r.outText, String(decoding: ref.out, as: UTF8.self), "run stdout differs under \(env), --threads \(threads)")
                XCTAssertEqual(written.keys.sorted(), ref.files.keys.sorted(), "run wrote other files under \(env), --threads \(threads)")
                for (name, data) in written where ref.files[name] != data {
                    XCTFail("\(name) differs under \(env), --threads \(threads)")
                }
            } else {
                reference = (r.out, written)
            }
        }
    }
}
