// Imports the package by name, as any web project would; Vite copies the .wasm it references.
import { annotate } from 'quotelens';

const text = document.querySelector('#article').textContent;
const list = document.querySelector('#quotes');
const out = document.querySelector('#result');

annotate(text).then(
  (result) => {
    for (const quote of result.quotes) {
      const item = document.createElement('li');
      item.textContent = `${quote.speaker?.name ?? 'unknown'}: “${quote.text}”`;
      list.append(item);
    }
    out.textContent = JSON.stringify(result, null, 2);
    out.dataset.state = 'done';
  },
  (error) => {
    out.textContent = error.message;
    out.dataset.state = 'error';
  },
);
