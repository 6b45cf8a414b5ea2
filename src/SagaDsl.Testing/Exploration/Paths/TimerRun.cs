using System;

namespace SagaDsl.Testing.Exploration.Paths;

/// <summary>A timer the workflow started on one path, waiting to fire.</summary>
/// <param name="Seq">The SDK's sequence number of the timer: its id in the history.</param>
/// <param name="StartedEvent">The started event's id.</param>
/// <param name="Delay">How long after it starts it fires.</param>
internal sealed record TimerRun(int Seq, long StartedEvent, TimeSpan Delay);
