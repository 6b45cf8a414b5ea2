using System;
using System.Collections.Generic;
using System.IO;

namespace OrderSaga;

/// <summary>Sends messages to customers: in memory, and at most once per idempotency key.</summary>
public sealed class CustomerNotifier
{
    private readonly object gate = new();
    private readonly Dictionary<string, string> sentByKey = new();
    private readonly TextWriter transcript;

    /// <summary>Initializes a new instance of the <see cref="CustomerNotifier"/> class.</summary>
    /// <param name="transcript">Where sent messages are shown; the console unless given.</param>
    public CustomerNotifier(TextWriter? transcript = null) => this.transcript = transcript ?? Console.Out;

    /// <summary>Gets the messages sent, in no particular order.</summary>
    public IReadOnlyCollection<string> Sent
    {
        get
        {
            lock (gate)
            {
                return new List<string>(sentByKey.Values);
            }
        }
    }

    /// <summary>Sends a message unless this key already sent one.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="message">The text.</param>
    /// <param name="idempotencyKey">The step's key.</param>
    public void Send(string customerId, string message, string idempotencyKey)
    {
        lock (gate)
        {
            if (sentByKey.TryAdd(idempotencyKey, $"{customerId}: {message}"))
            {
                transcript.WriteLine($"  -> to {customerId}: {message}");
            }
        }
    }
}
