namespace SagaDsl.Generator.Model;

/// <summary>One search attribute the workflow sets from a property of its input.</summary>
/// <param name="Name">The search attribute's name on the server.</param>
/// <param name="Property">The input's property.</param>
/// <param name="MayBeNull">Whether the property can hold null, which unsets the attribute.</param>
internal sealed record SearchAttributeModel(string Name, string Property, SearchAttributeKind Kind, SearchValueConversion Conversion, bool MayBeNull)
{
    /// <summary>Gets the property's name as code writes it, a keyword with <c>@</c>.</summary>
    public string Identifier => Identifiers.Escape(Property);
}

/// <summary>The typed key, named after the SDK's <c>SearchAttributeKey.Create*</c> factory.</summary>
internal enum SearchAttributeKind
{
    Keyword,
    Long,
    Double,
    Bool,
    DateTimeOffset,
    KeywordList,
}

/// <summary>How the property's value becomes the key's value type.</summary>
internal enum SearchValueConversion
{
    None,
    ToLong,
    ToDouble,
    ToText,
    ToList,
}
