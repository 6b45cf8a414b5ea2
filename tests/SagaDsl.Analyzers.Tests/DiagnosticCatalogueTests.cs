using System;
using System.IO;
using Microsoft.CodeAnalysis;
using SagaDsl.Analyzers.Diagnostics;
using SagaDsl.Tests.Shared;
using Xunit;

namespace SagaDsl.Analyzers.Tests;

public class DiagnosticCatalogueTests
{
    [Fact]
    public void Every_rule_is_a_SAGA1xx_warning_with_a_page_and_a_release_entry()
    {
        var releases = File.ReadAllText(Repository.PathOf("src", "SagaDsl.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in DeterminismDiagnostics.All)
        {
            Assert.Matches("^SAGA1\\d\\d$", descriptor.Id);
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.EndsWith($"/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(File.Exists(Repository.PathOf("docs", "rules", descriptor.Id + ".md")), $"docs/rules/{descriptor.Id}.md is missing");
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | Warning", releases, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_shape_rule_is_a_SAGA2xx_rule_with_a_page_and_a_release_entry_and_only_the_endless_loop_is_a_warning()
    {
        var releases = File.ReadAllText(Repository.PathOf("src", "SagaDsl.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in WorkflowShapeDiagnostics.All)
        {
            // A loop that never continues as new fails only after weeks of history: a warning. The others never work.
            var severity = descriptor == WorkflowShapeDiagnostics.EndlessLoop ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
            Assert.Matches("^SAGA2\\d\\d$", descriptor.Id);
            Assert.Equal(severity, descriptor.DefaultSeverity);
            Assert.EndsWith($"/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(File.Exists(Repository.PathOf("docs", "rules", descriptor.Id + ".md")), $"docs/rules/{descriptor.Id}.md is missing");
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {severity}", releases, StringComparison.Ordinal);
        }
    }
}
