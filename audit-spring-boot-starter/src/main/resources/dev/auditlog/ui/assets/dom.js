// Building elements. Every value goes in as a text node or an attribute value, never as
// markup: nothing here parses HTML.

const SVG = 'http://www.w3.org/2000/svg';

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function attributes(element, props) {
  for (const [name, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'text') {
      element.textContent = String(value);
    }
    else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2), value);
    }
    else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  return element;
}

/** An HTML element with attributes and children (strings become text). */
export function h(tag, props, ...children) {
  return append(attributes(document.createElement(tag), props), children);
}

/** An SVG element with attributes and children. */
export function s(tag, props, ...children) {
  return append(attributes(document.createElementNS(SVG, tag), props), children);
}

/** Replace an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}
