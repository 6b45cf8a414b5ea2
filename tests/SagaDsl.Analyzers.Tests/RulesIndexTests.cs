using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SagaDsl.Analyzers.Diagnostics;
using SagaDsl.Generator.Diagnostics;
using SagaDsl.Tests.Shared;
using Xunit;

namespace SagaDsl.Analyzers.Tests;

/// <summary>docs/rules/README.md is written by hand; the catalogues are the truth it must tell.</summary>
public class RulesIndexTests
{
    private static readonly string Index = System.IO.File.ReadAllText(Repository.PathOf("docs", "rules", "README.md"));

    private static readonly DiagnosticDescriptor[] Catalogue = SagaDiagnostics.All
        .Concat(DeterminismDiagnostics.All)
        .Concat(WorkflowShapeDiagnostics.All)
        .ToArray();

    [Fact]
    public void The_index_lists_every_rule_of_the_catalogues_once_with_its_title_and_severity()
    {
        var rows = Regex.Matches(Index, @"^\| \[(?<id>SAGA\d{3})\]\((?<page>[^)]+)\) \| (?<title>.+) \| (?<severity>\w+) \|$", RegexOptions.Multiline)
            .Select(static row => (Id: row.Groups["id"].Value, Page: row.Groups["page"].Value, Title: row.Groups["title"].Value, Severity: row.Groups["severity"].Value))
            .ToList();

        Assert.Equal(Catalogue.Select(static rule => rule.Id).OrderBy(static id => id), rows.Select(static row => row.Id));
        foreach (var rule in Catalogue)
        {
            var row = rows.Single(row => row.Id == rule.Id);
            Assert.Equal(rule.Id + ".md", row.Page);
            Assert.Equal(rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Title);
            Assert.Equal(rule.DefaultSeverity.ToString(), row.Severity);
        }
    }

    [Fact]
    public void The_index_names_the_DSL_rules_that_are_warnings_and_those_the_generator_reports()
    {
        var intro = Index.Split('\n').Single(static line => line.StartsWith("DSL rules", System.StringComparison.Ordinal));
        var named = Regex.Matches(intro, @"SAGA\d{3}").Select(static id => id.Value).ToHashSet();
        var warnings = SagaDiagnostics.All.Where(static rule => rule.DefaultSeverity == DiagnosticSeverity.Warning).Select(static rule => rule.Id);
        var generated = SagaDiagnostics.Generation.Select(static rule => rule.Id);
        var payloads = SagaDiagnostics.Payloads.Select(static rule => rule.Id);

        Assert.Equal(warnings.Concat(generated).Concat(payloads).OrderBy(static id => id), named.OrderBy(static id => id));
    }
}
