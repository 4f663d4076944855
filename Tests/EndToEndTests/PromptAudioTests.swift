import ConnectAPI
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #10, item 2: prompts with their audio in Git. `audio:` files are uploaded to the
/// manifests' `promptBucket` (S3 PutObject, SigV4 for `s3`, the endpoint from
/// `AWS_ENDPOINT_URL_S3` as the AWS CLI takes it) and named by CreatePrompt; an unchanged file is
/// never uploaded again (request log), a changed one is, and the object boto3 reads back from the
/// emulator's S3 is the file; other audio given in the console is seen and repaired. `s3Uri:`
/// prompts name an object already there.
@Suite struct PromptAudioTests {
    static let manifest = """
        stack: prompts
        promptBucket: s3://acme-prompts/ivr/
        prompts:
          Welcome: { audio: audio/welcome.wav, description: Greeting }
          Goodbye: { audio: audio/goodbye.mp3 }
          Hold Music: { s3Uri: "s3://acme-prompts/library/hold.wav" }

        """

    /// An 8 kHz mono µ-law WAV of `seconds`, its samples from `seed`.
    static func wav(seconds: Double, seed: UInt8) -> Data {
        let samples = Data((0..<Int(8000 * seconds)).map { UInt8(truncatingIfNeeded: $0 &* 31) ^ seed })
        func le32(_ v: Int) -> Data { withUnsafeBytes(of: UInt32(v).littleEndian) { Data($0) } }
        func le16(_ v: Int) -> Data { withUnsafeBytes(of: UInt16(v).littleEndian) { Data($0) } }
        let fmt = le16(7) + le16(1) + le32(8000) + le32(8000) + le16(1) + le16(8)
        let body = Data("WAVE".utf8) + Data("fmt ".utf8) + le32(fmt.count) + fmt + Data("data".utf8) + le32(samples.count) + samples
        return Data("RIFF".utf8) + le32(body.count) + body
    }

    /// Manifests declaring one prompt, Welcome, from a fresh WAV, and a promptBucket.
    static func onePrompt(in dir: TempDir, seed: UInt8) throws -> URL {
        let manifests = dir.url.appendingPathComponent("m")
        try FileManager.default.createDirectory(at: manifests.appendingPathComponent("audio"), withIntermediateDirectories: true)
        try wav(seconds: 0.2, seed: seed).write(to: manifests.appendingPathComponent("audio/welcome.wav"))
        try "promptBucket: s3://acme-prompts/ivr/\nprompts:\n  Welcome: { audio: audio/welcome.wav }\n"
            .write(to: manifests.appendingPathComponent("patchbay.yaml"), atomically: true, encoding: .utf8)
        return manifests
    }

    /// The operations of the requests logged since `mark`, with their counts (`PutObject×2`).
    static func operations(_ emu: TestEmulator, since mark: Int) throws -> [String: Int] {
        try emu.requests(since: mark).filter { $0.status == 200 }.reduce(into: [:]) { $0[$1.operation, default: 0] += 1 }
    }

    /// What boto3 reads: each prompt's name and audio tag, and whether the emulator's S3 holds, at
    /// the tag's key, exactly the bytes of `file` (`Name sha256:… same`).
    static func promptsAndObjects(_ emu: TestEmulator, _ files: [String: URL]) async throws -> [String] {
        let map = files.map { "\"\($0.key)\": \"\($0.value.path)\"" }.joined(separator: ", ")
        return try await SkillsRoutingTests.boto3(emu, """
            import hashlib
            s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="test",
                              aws_secret_access_key="test", config=__import__("botocore.config").config.Config(s3={"addressing_style": "path"}))
            files = {\(map)}
            for p in c.get_paginator("search_prompts").paginate(InstanceId=iid):
                for prompt in p["Prompts"]:
                    source = prompt.get("Tags", {}).get("patchbay:audio", "-").split("@")[0]
                    same = "-"
                    if prompt["Name"] in files:
                        data = open(files[prompt["Name"]], "rb").read()
                        key = "ivr/" + hashlib.sha256(data).hexdigest() + "." + files[prompt["Name"]].rsplit(".", 1)[1]
                        same = "same" if s3.get_object(Bucket="acme-prompts", Key=key)["Body"].read() == data else "different"
                    print(prompt["Name"], source, same)
            """).split(separator: "\n").map(String.init).sorted()
    }

    /// With `--endpoint-url` at a loopback address (a local emulator) and no S3 endpoint set, the
    /// audio goes to the same emulator.
    @Test func aLoopbackEndpointServesS3Too() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = try Self.onePrompt(in: dir, seed: 4)
            let mark = try emu.requests().count
            let apply = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            let ops = try Self.operations(emu, since: mark)
            #expect(ops["PutObject"] == 1 && ops["CreatePrompt"] == 1, "\(ops)")
        }
    }

    @Test func audioIsUploadedOnceAndAgainOnlyWhenItChanges() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = dir.url.appendingPathComponent("m")
            let audio = manifests.appendingPathComponent("audio")
            try FileManager.default.createDirectory(at: audio, withIntermediateDirectories: true)
            let welcome = audio.appendingPathComponent("welcome.wav"), goodbye = audio.appendingPathComponent("goodbye.mp3")
            try Self.wav(seconds: 0.5, seed: 1).write(to: welcome)
            try (Data("ID3".utf8) + Data([4, 0, 0, 0, 0, 0, 0]) + Data(repeating: 0xAA, count: 400)).write(to: goodbye)
            try Self.manifest.write(to: manifests.appendingPathComponent("patchbay.yaml"), atomically: true, encoding: .utf8)
            try await emu.putObject("s3://acme-prompts/library/hold.wav", body: Self.wav(seconds: 0.2, seed: 9))
            let s3 = ["AWS_ENDPOINT_URL_S3": emu.url.absoluteString]

            // Plan: two uploads, three creates; apply makes exactly those calls.
            let json = try await patchbay(["plan", manifests.path, "--format", "json"] + emu.connectionArguments, environment: s3)
            try #require(json.exitCode == 0, "\(json)")
            let planned = try PlanJSON.parse(json.stdout)
            #expect(planned.change("prompt.Welcome")?.calls == ["PutObject (audio/welcome.wav)", "CreatePrompt"])
            #expect(planned.change("prompt.Hold Music")?.calls == ["CreatePrompt"])
            var mark = try emu.requests().count
            let apply = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments, environment: s3)
            #expect(apply.exitCode == 0, "\(apply)")
            var ops = try Self.operations(emu, since: mark)
            #expect(ops["PutObject"] == 2 && ops["CreatePrompt"] == 3, "\(ops)")
            let files = ["Welcome": welcome, "Goodbye": goodbye]
            var seen = try await Self.promptsAndObjects(emu, files)
            let welcomeHash = try #require(seen.first { $0.hasPrefix("Welcome ") }?.split(separator: " ")[1])
            #expect(seen.contains("Hold Music s3://acme-prompts/library/hold.wav -"), "\(seen)")
            #expect(seen.filter { $0.hasSuffix(" same") }.count == 2, "\(seen)")

            // Unchanged: no changes, and a second apply uploads nothing.
            let clean = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments, environment: s3)
            #expect(clean.exitCode == 0 && clean.stdout.contains("No changes"), "\(clean)")
            mark = try emu.requests().count
            let again = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments, environment: s3)
            #expect(again.exitCode == 0, "\(again)")
            #expect(try emu.writes(since: mark).isEmpty && Self.operations(emu, since: mark)["PutObject"] == nil)

            // A changed file: one upload, UpdatePrompt naming the new object, the tag rewritten.
            try Self.wav(seconds: 0.5, seed: 2).write(to: welcome)
            let changed = try await patchbay(["plan", manifests.path, "--format", "json", "--detailed-exitcode"] + emu.connectionArguments,
                                             environment: s3)
            #expect(changed.exitCode == 2, "\(changed)")
            let doc = try PlanJSON.parse(changed.stdout)
            #expect(doc.changes.map(\.address) == ["prompt.Welcome"])
            #expect(doc.change("prompt.Welcome")?.paths == ["audio"])
            #expect(doc.change("prompt.Welcome")?.calls == ["PutObject (audio/welcome.wav)", "UpdatePrompt", "TagResource"])
            mark = try emu.requests().count
            let update = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments, environment: s3)
            #expect(update.exitCode == 0, "\(update)")
            ops = try Self.operations(emu, since: mark)
            #expect(ops["PutObject"] == 1 && ops["UpdatePrompt"] == 1 && ops["CreatePrompt"] == nil, "\(ops)")
            seen = try await Self.promptsAndObjects(emu, files)
            #expect(seen.filter { $0.hasSuffix(" same") }.count == 2 && !seen.contains { $0.contains(welcomeHash) }, "\(seen)")
            let settled = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments, environment: s3)
            #expect(settled.exitCode == 0, "\(settled)")

            // Other audio given in the console (UpdatePrompt S3Uri): Connect cannot show it, but the
            // prompt was modified after Patchbay's stamp, so its source is unknown and it is put again.
            // (After the verified read's one-second margin, as DriftTests wait.)
            try await Task.sleep(for: .milliseconds(2100))
            _ = try await SkillsRoutingTests.boto3(emu, """
                p = [x for x in c.search_prompts(InstanceId=iid)["Prompts"] if x["Name"] == "Welcome"][0]
                c.update_prompt(InstanceId=iid, PromptId=p["PromptId"], S3Uri="s3://acme-prompts/library/hold.wav")
                """)
            let console = try await patchbay(["plan", manifests.path, "--format", "json", "--detailed-exitcode"] + emu.connectionArguments,
                                             environment: s3)
            #expect(console.exitCode == 2, "\(console)")
            let drift = try PlanJSON.parse(console.stdout)
            #expect(drift.changes.map(\.address) == ["prompt.Welcome"] && drift.change("prompt.Welcome")?.paths == ["audio"], "\(console.stdout)")
            #expect(drift.change("prompt.Welcome")?.calls == ["PutObject (audio/welcome.wav)", "UpdatePrompt", "TagResource"])
            let repair = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments, environment: s3)
            #expect(repair.exitCode == 0, "\(repair)")
            let repaired = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments, environment: s3)
            #expect(repaired.exitCode == 0, "\(repaired)")
        }
    }

    /// When the upload fails, apply says where it went and creates no prompt (nothing names a
    /// missing object).
    @Test func aFailedUploadCreatesNoPrompt() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = try Self.onePrompt(in: dir, seed: 3)
            // S3 at a closed port: the upload fails, and apply stops there.
            let mark = try emu.requests().count
            let apply = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments,
                                           environment: ["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:9"])
            #expect(apply.exitCode != 0, "\(apply)")
            #expect(apply.stderr.contains("PutObject") && apply.stderr.contains("s3://acme-prompts/ivr/"), "\(apply.stderr)")
            #expect(try Self.operations(emu, since: mark)["CreatePrompt"] == nil)
        }
    }
}
