using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>
/// One forbidden use reached from workflow code: the rule, the chain of members from the call in
/// the workflow to the forbidden API, and what to use instead.
/// </summary>
internal sealed class Finding
{
    public const string ChainSeparator = " → ";

    public Finding(DiagnosticDescriptor rule, ImmutableArray<string> chain, string replacement, DeterminismFix fix, Location? site = null)
    {
        Rule = rule;
        Chain = chain;
        Replacement = replacement;
        Fix = fix;
        Site = site;
    }

    public DiagnosticDescriptor Rule { get; }

    public ImmutableArray<string> Chain { get; }

    public string Replacement { get; }

    public DeterminismFix Fix { get; }

    /// <summary>Where the forbidden use is, once a walk found it in a helper: the diagnostic's additional location, so the IDE can go there.</summary>
    public Location? Site { get; }

    /// <summary>The same finding, found at <paramref name="site"/>.</summary>
    public Finding At(Location site) => new(Rule, Chain, Replacement, Fix, site);

    /// <summary>The same finding, reached through one more call; only a direct use can be fixed.</summary>
    public Finding Through(string caller) => new(Rule, Chain.Insert(0, caller), Replacement, DeterminismFix.None, Site);

    public string DescribeChain() => string.Join(ChainSeparator, Chain);
}
