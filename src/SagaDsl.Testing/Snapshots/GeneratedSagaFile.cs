namespace SagaDsl.Testing.Snapshots;

/// <summary>A file the SagaDsl generator wrote.</summary>
/// <param name="HintName">The generator's name for it, e.g. <c>Shop.OrderSaga.g.cs</c>.</param>
/// <param name="Text">Its content, exactly as generated.</param>
public sealed record GeneratedSagaFile(string HintName, string Text);
