namespace SagaDsl.Tests.Shared;

/// <summary>What a small test saga is written after: the usings it needs, its namespace and the records its steps pass.</summary>
internal static class ShopHeader
{
    public const string Text = "using System.Threading; using System.Threading.Tasks; using SagaDsl; namespace Shop; public sealed record Order(string Id); public sealed record Hold(string Id); public sealed record Receipt(string Id);\n";
}
