namespace NhiemVu.Web;

/// <summary>
/// Marker for the UI's string resources. Keys are the Vietnamese texts themselves (the default
/// culture); <c>Resources/SharedResource.en.resx</c> holds the English translations, and a key
/// without a translation falls back to its Vietnamese text.
/// </summary>
public sealed class SharedResource;
