using System.Text.Json.Serialization;

namespace SagaDsl.Testing.History;

/// <summary>The JSON core writes into a patch marker's details: the patch's id and whether it was deprecated.</summary>
/// <param name="Id">The patch's id.</param>
/// <param name="Deprecated">Whether <c>DeprecatePatch</c> wrote it.</param>
internal sealed record PatchMarkerData(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("deprecated")] bool Deprecated);
