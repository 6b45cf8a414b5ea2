namespace SagaDsl.Testing.Snapshots;

/// <summary>A C# file of the in-memory build.</summary>
/// <param name="Path">Its path relative to the folder the sources came from, with forward slashes; diagnostics name it so.</param>
/// <param name="Text">Its content.</param>
internal sealed record SourceFile(string Path, string Text);
