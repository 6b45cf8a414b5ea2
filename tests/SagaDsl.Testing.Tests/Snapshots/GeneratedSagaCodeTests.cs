using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Testing.Snapshots;
using Xunit;

namespace SagaDsl.Testing.Tests.Snapshots;

/// <summary>
/// The snapshot helper users call: what it approves, how a change fails, what never churns. Every test
/// approves into its own temporary folder. The tests that set the accept variable are in
/// <see cref="SnapshotAcceptanceTests"/>, which runs alone.
/// </summary>
public sealed class GeneratedSagaCodeTests
{
    private const string Saga = """
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Shop;

        public sealed record Cart(string CartId, decimal Total);

        public sealed record Hold(string HoldId);

        [Saga(TaskQueue = "checkout")]
        public sealed partial class CheckoutSaga
        {
            [SagaStep(1), CompensatedBy(nameof(ReleaseStock))]
            public Task<Hold> HoldStock(Cart cart) => Task.FromResult(new Hold("H-" + cart.CartId));

            public Task ReleaseStock(StepContext context) => Task.CompletedTask;

            [SagaStep(2, Pivot = true)]
            public Task ChargeCard(Cart cart) => Task.CompletedTask;
        }
        """;

    private const string FileName = "GeneratedSagaCodeTests.Test#Shop.CheckoutSaga.g";

    [Fact]
    public void The_generated_files_are_the_sagas_code_with_no_diagnostics()
    {
        var code = GeneratedSagaCode.FromSources(new[] { Saga });

        Assert.Empty(code.InputErrors);
        Assert.Empty(code.Diagnostics);
        Assert.Equal(new[] { "Shop.CheckoutSaga.g.cs" }, code.Files.Select(file => file.HintName));
        Assert.Contains("public sealed class CheckoutSagaWorkflow", code.Files[0].Text, StringComparison.Ordinal);
        Assert.Equal(code.Files.Count, code.RunResult.GeneratedTrees.Length);
    }

    [Fact]
    public void The_first_run_writes_what_it_received_and_fails_until_it_is_approved()
    {
        using var folder = new SnapshotFolder();
        var code = GeneratedSagaCode.FromSources(new[] { Saga });

        var failure = Assert.Throws<SnapshotMismatchException>(() => Approve(code, folder));
        Assert.Contains(FileName + ".verified.cs does not exist yet", failure.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { FileName + ".received.cs" }, folder.Files());

        folder.ApproveReceived();
        Approve(code, folder);
        Assert.Equal(new[] { FileName + ".verified.cs" }, folder.Files());
    }

    [Fact]
    public void An_edit_of_the_saga_fails_with_a_unified_diff_and_leaves_the_approved_file_alone()
    {
        using var folder = new SnapshotFolder();
        ApproveFirst(GeneratedSagaCode.FromSources(new[] { Saga }), folder);
        var approved = folder.Read(FileName + ".verified.cs");

        var edited = GeneratedSagaCode.FromSources(new[] { Saga.Replace("TaskQueue = \"checkout\"", "TaskQueue = \"checkout-eu\"", StringComparison.Ordinal) });
        var failure = Assert.Throws<SnapshotMismatchException>(() => Approve(edited, folder));

        var lines = failure.Message.Split('\n');
        var removed = Array.IndexOf(lines, "-        public const string TaskQueue = \"checkout\";");
        var added = Array.IndexOf(lines, "+        public const string TaskQueue = \"checkout-eu\";");
        Assert.True(removed > 0 && added == removed + 1, failure.Message);
        Assert.Contains(lines, line => line.StartsWith("@@ -", StringComparison.Ordinal) && line.EndsWith(" @@", StringComparison.Ordinal));
        Assert.Contains("--- " + FileName + ".verified.cs", lines);
        Assert.Contains("+++ " + FileName + ".received.cs", lines);
        Assert.Contains("SAGADSL_ACCEPT_SNAPSHOTS=1", failure.Message, StringComparison.Ordinal);
        Assert.Equal(approved, folder.Read(FileName + ".verified.cs"));
        Assert.Contains("\"checkout-eu\"", folder.Read(FileName + ".received.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Line_endings_a_byte_order_mark_and_the_generator_version_never_change_a_snapshot()
    {
        using var folder = new SnapshotFolder();
        var code = GeneratedSagaCode.FromSources(new[] { Saga });
        ApproveFirst(code, folder);
        var approved = folder.Read(FileName + ".verified.cs");

        Assert.Contains("GeneratedCode(\"SagaDsl.Generator\", \"{SagaDsl version}\")", approved, StringComparison.Ordinal);
        Assert.Contains("GeneratedCode(\"SagaDsl.Generator\", \"0.1.0\")", code.Files[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", approved, StringComparison.Ordinal);

        folder.Write(FileName + ".verified.cs", "\uFEFF" + approved.Replace("\n", "\r\n", StringComparison.Ordinal));
        Approve(code, folder);
        Assert.Equal(new[] { FileName + ".verified.cs" }, folder.Files());
    }

    [Fact]
    public void An_approved_file_nothing_generates_any_more_fails_as_an_orphan()
    {
        using var folder = new SnapshotFolder();
        var code = GeneratedSagaCode.FromSources(new[] { Saga });
        ApproveFirst(code, folder);
        folder.Write("GeneratedSagaCodeTests.Test#Shop.RefundSaga.g.verified.cs", "// approved before RefundSaga was deleted\n");
        folder.Write("GeneratedSagaCodeTests.Tested#Shop.Other.g.verified.cs", "// another test's snapshot\n");

        var failure = Assert.Throws<SnapshotMismatchException>(() => Approve(code, folder));

        Assert.Contains("GeneratedSagaCodeTests.Test#Shop.RefundSaga.g.verified.cs is approved but nothing produces it any more", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Tested#", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saga_mistake_is_approved_as_the_builds_diagnostic_beside_the_stand_ins()
    {
        using var folder = new SnapshotFolder();
        var code = GeneratedSagaCode.FromSources(new[] { Saga.Replace("nameof(ReleaseStock)", "\"ReleaseStok\"", StringComparison.Ordinal) });

        Assert.Throws<SnapshotMismatchException>(() => Approve(code, folder));

        var diagnostics = folder.Read("GeneratedSagaCodeTests.Test.received.txt");
        Assert.Matches("^Source0\\.cs\\(13,\\d+\\): error SAGA005: .*'ReleaseStok'.*\n$", diagnostics);
        Assert.Contains(FileName + ".received.cs", folder.Files());
    }

    [Fact]
    public void Sources_that_do_not_compile_in_memory_fail_before_a_snapshot_is_written()
    {
        using var folder = new SnapshotFolder();
        var code = GeneratedSagaCode.FromSources(new[] { Saga.Replace("using SagaDsl;", "using SagaDsl;\nusing Pricing;", StringComparison.Ordinal) });

        var failure = Assert.Throws<InvalidOperationException>(() => Approve(code, folder));

        Assert.Contains("Source0.cs(3,7): error CS0246", failure.Message, StringComparison.Ordinal);
        Assert.Contains("lacks a reference", failure.Message, StringComparison.Ordinal);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void Sources_without_a_saga_are_an_error_not_an_empty_approval()
    {
        using var folder = new SnapshotFolder();
        var code = GeneratedSagaCode.FromSources(new[] { "namespace Shop; public sealed record Cart(string CartId);" });

        var failure = Assert.Throws<InvalidOperationException>(() => Approve(code, folder));
        Assert.Contains("no class marked [Saga]", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_async_test_is_named_after_its_class_and_method()
    {
        using var folder = new SnapshotFolder();
        await Task.Yield();

        Assert.Throws<SnapshotMismatchException>(() => GeneratedSagaCode.FromSources(new[] { Saga }).Approve(new SnapshotOptions { Directory = folder.Path }));

        Assert.Equal(new[] { "GeneratedSagaCodeTests.An_async_test_is_named_after_its_class_and_method#Shop.CheckoutSaga.g.received.cs" }, folder.Files());
    }

    [Fact]
    public void The_sample_project_compiles_in_memory_as_its_build_does()
    {
        var code = GeneratedSagaCode.FromProject("../../../samples/OrderSaga", new SagaGenerationOptions { ExcludedReferences = new[] { "Temporalio.Extensions.Hosting" } });

        Assert.Empty(code.InputErrors);
        Assert.Empty(code.Diagnostics);
        Assert.Equal("OrderSaga", code.Compilation.AssemblyName);
        Assert.Equal(new[] { "OrderSaga.OrderSaga.g.cs" }, code.Files.Select(file => file.HintName));
        Assert.DoesNotContain("Hosting", code.Files[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_path_mapped_by_a_CI_build_is_found_through_the_recorded_project_folder()
    {
        var code = GeneratedSagaCode.FromProject(
            "../../../samples/OrderSaga",
            new SagaGenerationOptions { ExcludedReferences = new[] { "Temporalio.Extensions.Hosting" } },
            callerFilePath: "/_/tests/SagaDsl.Testing.Tests/Snapshots/GeneratedSagaCodeTests.cs");

        Assert.Equal("OrderSaga", code.Compilation.AssemblyName);
    }

    [Fact]
    public void Absolute_folders_and_a_class_name_need_no_test_source_file()
    {
        using var folder = new SnapshotFolder();
        var code = GeneratedSagaCode.FromSources(new[] { Saga });

        Assert.Throws<SnapshotMismatchException>(() => code.Approve(
            new SnapshotOptions { Directory = folder.Path, TypeName = "Gone" },
            callerFilePath: "/_/nowhere/Gone.cs",
            testMethod: "Test"));
        Assert.Equal(new[] { "Gone.Test#Shop.CheckoutSaga.g.received.cs" }, folder.Files());
    }

    private static void Approve(GeneratedSagaCode code, SnapshotFolder folder) =>
        code.Approve(new SnapshotOptions { Directory = folder.Path, TypeName = nameof(GeneratedSagaCodeTests) }, testMethod: "Test");

    private static void ApproveFirst(GeneratedSagaCode code, SnapshotFolder folder)
    {
        Assert.Throws<SnapshotMismatchException>(() => Approve(code, folder));
        folder.ApproveReceived();
        Approve(code, folder);
    }
}
