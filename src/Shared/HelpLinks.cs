namespace SagaDsl.Diagnostics;

/// <summary>Where each rule is explained: one page per id under <c>docs/rules</c>.</summary>
internal static class HelpLinks
{
    private const string RulesRoot = "https://github.com/sagadsl/sagadsl/blob/main/docs/rules/";

    public static string For(string id) => RulesRoot + id + ".md";
}
