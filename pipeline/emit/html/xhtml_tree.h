// Small pugixml helpers shared by the XHTML builders (emit/html-internal).
#pragma once

#include <pugixml.hpp>
#include <string>

namespace dossier::emit::xhtml {

inline pugi::xml_node element(pugi::xml_node parent, const char* name,
                              const char* css_class = nullptr) {
  pugi::xml_node e = parent.append_child(name);
  if (css_class) e.append_attribute("class") = css_class;
  return e;
}

inline pugi::xml_node text_element(pugi::xml_node parent, const char* name, const std::string& text,
                                   const char* css_class = nullptr) {
  pugi::xml_node e = element(parent, name, css_class);
  e.append_child(pugi::node_pcdata).set_value(text.c_str());
  return e;
}

inline void text(pugi::xml_node parent, const std::string& value) {
  parent.append_child(pugi::node_pcdata).set_value(value.c_str());
}

}  // namespace dossier::emit::xhtml
