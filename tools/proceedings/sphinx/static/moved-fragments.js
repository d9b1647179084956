// A part of this page that moved to another page (proceedings/data/moved.yaml): an address
// published with its fragment (#id) follows it there. The page lists them in data-moved.
(() => {
  const moved = JSON.parse(document.currentScript.dataset.moved);
  const follow = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && !document.getElementById(id) && Object.hasOwn(moved, id)) {
      location.replace(moved[id]);
    }
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", follow);
  } else {
    follow();
  }
  addEventListener("hashchange", follow);
})();
