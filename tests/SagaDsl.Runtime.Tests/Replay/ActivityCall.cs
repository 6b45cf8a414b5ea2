using System.Collections.Generic;

namespace SagaDsl.Runtime.Tests.Replay;

/// <summary>One activity the workflow scheduled, as the outbound interceptor saw it.</summary>
/// <param name="Activity">The activity type name.</param>
/// <param name="Args">The arguments, each as JSON, so records holding lists compare by content.</param>
/// <param name="TaskQueue">The task queue, or null for the workflow's.</param>
/// <param name="Detached">Whether the activity ignores workflow cancellation.</param>
/// <param name="MaximumAttempts">The retry policy's maximum attempts.</param>
/// <param name="HistoryLength">How long the history was when it was scheduled: equal for activities of one workflow task.</param>
internal sealed record ActivityCall(string Activity, IReadOnlyList<string> Args, string? TaskQueue, bool Detached, int MaximumAttempts, int HistoryLength)
{
    /// <summary>Gets the idempotency key: generated activities take it as their last argument.</summary>
    public string IdempotencyKey => System.Text.Json.JsonSerializer.Deserialize<string>(Args[^1])!;
}
