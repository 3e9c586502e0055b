// The print buttons: "Print this page" (PrintButton.astro) and each poster's "Print this poster"
// (Poster.astro). Each stays hidden without JavaScript, or where the browser cannot print, and the text
// around it says the browser's own Print menu works too.

/** What "Print this page" prints while a poster is open: the page, not the poster (see Posters.astro). */
function closeOpenPoster(): void {
  const poster = document.querySelector('.poster:target');
  // The share kit's heading, where the button is: the page prints as it is, and nothing jumps far.
  if (poster) location.hash = 'share-title';
}

export function startPrintButtons(): void {
  if (typeof window.print !== 'function') return;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print-button]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      closeOpenPoster();
      window.print();
    });
  }
  // A poster prints alone while it is the page's target, so its button makes it the target first.
  for (const holder of document.querySelectorAll<HTMLElement>('[data-print-poster]')) {
    holder.hidden = false;
    holder.querySelector('button')?.addEventListener('click', () => {
      const id = holder.dataset.printPoster ?? '';
      if (location.hash !== `#${id}`) location.hash = id;
      window.print();
    });
  }
}
