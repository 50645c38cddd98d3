// The plan page's filters (progressive enhancement only): keep the address htmx pushes as short
// as the filters set, by leaving out empty ones.
document.addEventListener("htmx:configRequest", function (event) {
  var params = event.detail.parameters;
  Array.from(params.keys ? params.keys() : Object.keys(params)).forEach(function (key) {
    if (params.get ? params.get(key) === "" : params[key] === "") {
      if (params.delete) {
        params.delete(key);
      } else {
        delete params[key];
      }
    }
  });
});
