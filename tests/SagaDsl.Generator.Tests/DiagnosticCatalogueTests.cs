using System;
using System.IO;
using System.Linq;
using SagaDsl.Generator.Diagnostics;
using SagaDsl.Generator.Tests.Infrastructure;
using SagaDsl.Tests.Shared;
using Xunit;

namespace SagaDsl.Generator.Tests;

public class DiagnosticCatalogueTests
{
    [Fact]
    public void Every_rule_has_a_unique_SAGA0xx_id_and_is_an_error_but_the_warnings_about_uncertain_steps_unheard_heartbeats_unrecorded_sagas_and_unused_removed_steps()
    {
        Assert.All(SagaDiagnostics.All, descriptor => Assert.Matches("^SAGA0\\d\\d$", descriptor.Id));
        Assert.Equal(SagaDiagnostics.All.Count, SagaDiagnostics.All.Select(descriptor => descriptor.Id).Distinct().Count());
        Assert.All(SagaDiagnostics.All, descriptor => Assert.Equal(
            descriptor == SagaDiagnostics.CompensationNeedsStepResult || descriptor == SagaDiagnostics.HeartbeatWithoutTimeout || descriptor == SagaDiagnostics.SagaNotRecorded || descriptor == SagaDiagnostics.RemovedStepUnused ? Microsoft.CodeAnalysis.DiagnosticSeverity.Warning : Microsoft.CodeAnalysis.DiagnosticSeverity.Error,
            descriptor.DefaultSeverity));
    }

    [Fact]
    public void Every_rule_links_to_its_page_and_the_page_exists()
    {
        foreach (var descriptor in SagaDiagnostics.All)
        {
            Assert.EndsWith($"/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(File.Exists(Repository.PathOf("docs", "rules", descriptor.Id + ".md")), $"docs/rules/{descriptor.Id}.md is missing");
        }
    }

    [Fact]
    public void Every_rule_is_tracked_in_the_unshipped_release_file()
    {
        var releases = File.ReadAllText(Repository.PathOf("src", "SagaDsl.Generator", "AnalyzerReleases.Unshipped.md"));

        Assert.All(SagaDiagnostics.All, descriptor => Assert.Contains($"{descriptor.Id} | SagaDsl | {descriptor.DefaultSeverity}", releases, StringComparison.Ordinal));
    }
}
