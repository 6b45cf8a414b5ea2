namespace SagaDsl.Testing.Snapshots;

/// <summary>Where approved snapshots live and what they are called, when Verify's defaults do not suit.</summary>
public sealed class SnapshotOptions
{
    /// <summary>
    /// The folder of the snapshots, absolute or relative to the test's source file; by default the
    /// folder of the test's source file.
    /// </summary>
    public string? Directory { get; init; }

    /// <summary>The <c>{Class}</c> part of the file names; by default the test's class.</summary>
    public string? TypeName { get; init; }
}
