using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using SagaDsl.Testing.Snapshots;
using SagaDsl.Tests.Shared;

namespace SagaDsl.Generator.Tests.Infrastructure;

/// <summary>
/// Approves generated code against files committed beside the tests, with the approval SagaDsl.Testing
/// ships to users (its files are compiled in here: these tests run the generator directly, on the
/// pinned Roslyn, rather than through the package's in-memory build). Verify's naming:
/// <c>Snapshots/{Type}.{Method}#{HintName}.verified.cs</c>. A mismatch writes <c>.received.cs</c> next to
/// it and fails with a unified diff; <c>SAGADSL_ACCEPT_SNAPSHOTS=1</c> accepts what was received.
/// </summary>
internal static class Snapshot
{
    private const string SampleSnapshotName = "GeneratedCodeTests.OrderSaga_generated_code_is_approved";

    private static readonly string Directory = Repository.PathOf("tests", "SagaDsl.Generator.Tests", "Snapshots");

    private static readonly string SampleDirectory = Repository.PathOf("samples", "OrderSaga.Tests");

    public static void Match(GeneratorRun run, string type, [CallerMemberName] string method = "") =>
        Match(run.Sources, type, method);

    /// <summary>Approves only the generated files whose hint name ends with <paramref name="hintSuffix"/>.</summary>
    public static void MatchFiles(GeneratorRun run, string type, string hintSuffix, [CallerMemberName] string method = "") =>
        Match(run.Sources.Where(source => source.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).ToList(), type, method);

    /// <summary>Approves one generated type, for a test about that part of the only generated file.</summary>
    public static void MatchPart(GeneratorRun run, string type, string typeName, [CallerMemberName] string method = "") =>
        SnapshotApproval.Approve(Directory, $"{type}.{method}", new[] { new SnapshotFile("#" + typeName, ".cs", SnapshotText.Normalize(GeneratedPart.Of(run.Sources.Single().Text, typeName))) });

    /// <summary>
    /// Approves the OrderSaga's generated code against the one approved copy, the one the sample's own
    /// snapshot test keeps in samples/OrderSaga.Tests (version scrubbed, as a user's is): the generator on
    /// the pinned Roslyn must write what the package's in-memory run writes there.
    /// </summary>
    public static void MatchSampleApproval(GeneratorRun run) =>
        SnapshotApproval.Approve(
            SampleDirectory,
            SampleSnapshotName,
            run.Sources.Select(source => SnapshotOf(source, SnapshotText.ScrubVersion(SnapshotText.Normalize(source.Text)))).ToList());

    // The generator's own version stays in these snapshots: they are this repository's, not a user's.
    private static void Match(IReadOnlyList<(string HintName, string Text)> sources, string type, string method) =>
        SnapshotApproval.Approve(Directory, $"{type}.{method}", sources.Select(source => SnapshotOf(source, SnapshotText.Normalize(source.Text))).ToList());

    private static SnapshotFile SnapshotOf((string HintName, string Text) source, string text) =>
        new("#" + Path.GetFileNameWithoutExtension(source.HintName), ".cs", text);
}
