#pragma once
// The visitor helper for std::visit over model variants. Use it with one lambda per alternative and
// no `[](const auto&)` catch-all, so a new node kind fails to compile in every writer.
//   std::visit(overloaded{[](const Text& t) {...}, [](const Emph& e) {...}, ...}, inline.node);

namespace sheaf {
template <class... Fs>
struct overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
overloaded(Fs...) -> overloaded<Fs...>;  // clang 14 lacks aggregate CTAD
}  // namespace sheaf
