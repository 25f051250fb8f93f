// What the UI asks of the platform: opening links and documents, images from the bundle's
// folder, the files of a published site, and reloading. native.cpp, web.cpp and the UI tests
// implement it.
#pragma once
#include <imgui.h>

#include <memory>
#include <string>

namespace ui {

enum class ImageStatus { Loading, Ready, Failed };

struct ImageView {
  ImageStatus status = ImageStatus::Loading;
  ImTextureID texture = nullptr;
  float width = 0, height = 0;  // pixels of the decoded image
};

class Host {
 public:
  virtual ~Host() = default;
  // Opens `url` in a new tab or window: either one that passed core::IsSafeExternalUrl or one
  // that BundleFileUrl returned.
  virtual void OpenUrl(const std::string& url) = 0;
  // The address of `path`, a relative path inside the bundle's folder (core::IsSafeRelativePath).
  virtual std::string BundleFileUrl(const std::string& path) = 0;
  // Starts loading on first request; later calls report progress. Never blocks.
  virtual ImageView Image(const std::string& path) = 0;
  // Fetches `file`, a file beside the content's (a published site's part, core/published.h),
  // through the platform's one way of fetching: it hands the bytes to App::Deliver, or why they
  // could not be had to App::FetchFailed ("HTTP 404", "no network"), later or at once.
  virtual void Fetch(const std::string& file) = 0;
  // Loads the bundle again (the error screen's retry).
  virtual void RetryLoad() = 0;
  // True when the page provides the search field itself (the web build places a real <input>
  // where the mirror's SearchField node is: the phone's keyboard, IME, paste and screen readers
  // all work with it). Otherwise the UI draws an ImGui text field.
  virtual bool PageProvidesTextField() const { return false; }
  // Puts `text` on the system clipboard.
  virtual void CopyToClipboard(const std::string& text) = 0;
  // The full address of a route ("https://site/#/news/x"), for sharing.
  virtual std::string AddressOf(const std::string& route) = 0;
  // True when the mirror is the page people read (the web build's reading mode, without
  // WebGL): lists then record their first rows in it whatever is on the canvas.
  virtual bool MirrorIsPage() const { return false; }
  // The text view (the web build): the page shows the screen's text, the mirror, instead of the
  // canvas; a control in the header switches it on and off where the platform can.
  virtual bool CanShowTextView() const { return false; }
  virtual bool TextViewShown() const { return false; }
  virtual void ShowTextView(bool /*on*/) {}
  // The visitor chose a text size (App::SetTextSize): the platform remembers it.
  virtual void TextSizeChosen(float /*size*/) {}
  // A phone's share sheet (the Web Share API): whether there is one; sharing `url`, titled.
  virtual bool CanShare() const { return false; }
  virtual void Share(const std::string& /*url*/, const std::string& /*title*/) {}
  // The app asked for frames (App::RequestFrames): a platform whose loop sleeps wakes it.
  virtual void FramesRequested() {}
  // A published site given while other content was shown (App::HasIncoming) was taken, its
  // newest headlines in; or dropped (they could not be had), the content shown staying. Only a
  // taken one may become the content a kiosk keeps and revalidates against.
  virtual void IncomingSettled(bool /*taken*/) {}
  // A published site's headlines are all in (a kiosk fetches them all): every item it may show
  // is known now (their images, for a kiosk's offline starts).
  virtual void ArchiveComplete() {}
  // True when the platform calls App::ScreenShown once the first screen is on the screen (the
  // web's page shows it when the render worker has drawn it); otherwise it is on the screen
  // when App::Frame has drawn it.
  virtual bool SaysWhenShown() const { return false; }
};

}  // namespace ui
