namespace SagaDsl.Testing.Snapshots;

/// <summary>A file of the in-memory build.</summary>
/// <param name="Path">A C# file's path relative to the folder the sources came from, with forward slashes (diagnostics name it so); a config file's full path.</param>
/// <param name="Text">Its content.</param>
internal sealed record SourceFile(string Path, string Text);
