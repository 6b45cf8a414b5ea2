using System;

namespace SagaDsl;

/// <summary>
/// Marks a property of the saga's input as a Temporal search attribute: the generated workflow
/// sets it when it starts, so sagas can be found by business key (<c>OrderId = 'order-1'</c>).
/// </summary>
/// <remarks>
/// The property's type picks the typed key: <see cref="string"/>, <see cref="Guid"/> and enums are
/// keywords; integers are longs; <see cref="double"/>, <see cref="float"/> and <see cref="decimal"/>
/// are doubles; <see cref="bool"/>; <see cref="DateTimeOffset"/>; a collection of strings is a keyword
/// list. The attribute must exist on the Temporal namespace; the generated
/// <c>{Saga}Workflow.SearchAttributes.All</c> lists the keys to register.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class SearchAttributeAttribute : Attribute
{
    /// <summary>Initializes a new instance of the <see cref="SearchAttributeAttribute"/> class.</summary>
    /// <param name="name">The search attribute's name; the property's name when omitted.</param>
    public SearchAttributeAttribute(string? name = null) => Name = name;

    /// <summary>Gets the search attribute's name, or <c>null</c> for the property's name.</summary>
    public string? Name { get; }

    /// <summary>
    /// Gets or sets whether the search attribute is removed from the saga while executions of an older
    /// shape still set it. New executions leave it unset; the run path of every shipped shape that sets
    /// search attributes when it starts (SagaShapes.Shipped.txt) still sets it, since those executions
    /// recorded that upsert. Delete the attribute once those shapes are retired.
    /// </summary>
    public bool Removed { get; set; }
}
