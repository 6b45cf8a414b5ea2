namespace SagaDsl.Testing.Snapshots;

/// <summary>One file a snapshot test approves: its name after <c>{Class}.{Method}</c> and what it should hold.</summary>
/// <param name="Suffix">What follows the test's name, e.g. <c>#Shop.OrderSaga.g</c>, or empty.</param>
/// <param name="Extension">The extension after <c>.verified</c>, with its dot: <c>.cs</c> or <c>.txt</c>.</param>
/// <param name="Text">The received content, already normalised.</param>
internal sealed record SnapshotFile(string Suffix, string Extension, string Text);
