using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SagaDsl.Testing.Snapshots;
using Xunit;

namespace SagaDsl.Testing.Tests.Snapshots;

/// <summary>
/// A project's .editorconfig and the SDK's global config reach the in-memory build as they reach the
/// compiler: rule severities change what is approved, build properties change what is generated.
/// </summary>
public sealed class ProjectConfigurationTests
{
    // ReleaseStock takes the step's result: SAGA022, a warning by default.
    private const string Saga = """
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Shop;

        public sealed record Cart(string CartId);

        public sealed record Hold(string HoldId);

        [Saga(TaskQueue = "checkout")]
        public sealed partial class CheckoutSaga
        {
            [SagaStep(1), CompensatedBy(nameof(ReleaseStock))]
            public Task<Hold> HoldStock(Cart cart) => Task.FromResult(new Hold("H-" + cart.CartId));

            public Task ReleaseStock(Hold hold) => Task.CompletedTask;

            [SagaStep(2, Pivot = true)]
            public Task ChargeCard(Cart cart) => Task.CompletedTask;
        }
        """;

    [Fact]
    public void Without_configuration_the_rule_reports_at_its_default_severity()
    {
        using var project = new SnapshotFolder();
        project.Write("CheckoutSaga.cs", Saga);

        var code = GeneratedSagaCode.FromProject(project.Path);

        var diagnostic = Assert.Single(code.Diagnostics);
        Assert.Equal(("SAGA022", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal("CheckoutSaga.cs", diagnostic.Location.GetLineSpan().Path);
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("error", DiagnosticSeverity.Error)]
    public void An_editorconfig_severity_applies_as_in_the_build(string severity, DiagnosticSeverity? expected)
    {
        using var project = new SnapshotFolder();
        project.Write("CheckoutSaga.cs", Saga);
        project.Write(".editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.SAGA022.severity = {severity}\n");

        var code = GeneratedSagaCode.FromProject(project.Path);

        Assert.Equal(expected, code.Diagnostics.SingleOrDefault()?.Severity);
    }

    [Fact]
    public void An_editorconfig_section_for_other_files_does_not_apply()
    {
        using var project = new SnapshotFolder();
        project.Write("CheckoutSaga.cs", Saga);
        project.Write(".editorconfig", "root = true\n\n[Legacy/*.cs]\ndotnet_diagnostic.SAGA022.severity = none\n");

        Assert.Equal("SAGA022", Assert.Single(GeneratedSagaCode.FromProject(project.Path).Diagnostics).Id);
    }

    [Fact]
    public void The_build_properties_of_the_last_build_reach_the_generator()
    {
        using var project = new SnapshotFolder();
        project.Write("CheckoutSaga.cs", Saga.Replace("Task ReleaseStock(Hold hold)", "Task ReleaseStock(StepContext context)", StringComparison.Ordinal));
        var obj = Directory.CreateDirectory(Path.Combine(project.Path, "obj", "Debug", "net10.0")).FullName;
        File.WriteAllText(Path.Combine(obj, "Shop.GeneratedMSBuildEditorConfig.editorconfig"), "is_global = true\nbuild_property.SagaDslDiagramsPath = diagrams\n");

        var code = GeneratedSagaCode.FromProject(project.Path);

        Assert.Equal(new[] { "Shop.CheckoutSaga.Diagram.g.cs", "Shop.CheckoutSaga.g.cs" }, code.Files.Select(file => file.HintName));
        Assert.Empty(code.Diagnostics);
    }
}
