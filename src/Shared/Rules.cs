using Microsoft.CodeAnalysis;

namespace SagaDsl.Diagnostics;

/// <summary>How every SagaDsl rule is declared: enabled by default, with its page as help link.</summary>
internal static class Rules
{
    public static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
}
