// Upload page: drag and drop files or folders, one request per file with its own progress bar,
// then follow each job until the reader is done. Without JavaScript the form posts normally.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form) { return; }
  var zone = document.getElementById("dropzone");
  var queue = form.querySelector("#queue");
  var body = queue.querySelector("tbody");
  var token = form.querySelector('input[name="csrf_token"]').value;
  var labels = { queued: "排队中", running: "读取中", done: "已入库", duplicate: "已存在", failed: "失败" };
  var accepted = /\.(pdf|xlsx|xlsm|xls|txt|png|jpe?g|tiff?)$/i;

  function size(n) { return n > 1048576 ? (n / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(n / 1024)) + " KB"; }
  function cell(tr, i) { return tr.children[i]; }

  function row(file) {
    var tr = document.createElement("tr");
    ["", "", "", "", ""].forEach(function () { tr.appendChild(document.createElement("td")); });
    cell(tr, 0).textContent = file.webkitRelativePath || file.name;
    cell(tr, 1).className = "num"; cell(tr, 1).textContent = size(file.size);
    cell(tr, 2).innerHTML = '<div class="progress"><span></span></div>';
    cell(tr, 3).textContent = "上传中"; cell(tr, 3).className = "status-running";
    body.appendChild(tr); queue.hidden = false;
    return tr;
  }

  function status(tr, job) {
    var s = cell(tr, 3);
    s.className = "status-" + job.status;
    s.textContent = labels[job.status] || job.status;
    if (job.error) { var d = document.createElement("div"); d.className = "small"; d.textContent = job.error; s.appendChild(d); }
    if (job.department && (job.status === "done" || job.status === "duplicate")) {
      var w = document.createElement("div"); w.className = "small muted";
      w.textContent = "读出：" + job.department + " · " + (job.year || "年度不详") + "年" + (job.kind || "");
      s.appendChild(w);
    }
    var links = cell(tr, 4); links.textContent = "";
    var a = document.createElement("a"); a.className = "btn small"; a.href = "/jobs/" + job.id;
    a.textContent = job.document_id && job.status === "done" ? "确认信息" : "任务"; links.appendChild(a);
    if (job.document_id && (job.status === "done" || job.status === "duplicate")) {
      var b = document.createElement("a"); b.className = "btn small"; b.href = "/documents/" + job.document_id.slice(0, 16);
      b.textContent = "查看"; links.appendChild(document.createTextNode(" ")); links.appendChild(b);
    }
  }

  function follow(tr, id) {
    fetch("/api/jobs/" + id, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (job) {
      status(tr, job);
      if (job.status === "queued" || job.status === "running") { setTimeout(function () { follow(tr, id); }, 1000); }
    });
  }

  function send(file) {
    var tr = row(file);
    var bar = tr.querySelector(".progress span");
    var data = new FormData(); data.append("files", file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.dataset.api);
    xhr.setRequestHeader("X-CSRF-Token", token);
    xhr.upload.onprogress = function (e) { if (e.lengthComputable) { bar.style.width = (100 * e.loaded / e.total) + "%"; } };
    xhr.onload = function () {
      bar.style.width = "100%";
      var answer = {}; try { answer = JSON.parse(xhr.responseText); } catch (err) { answer = {}; }
      if (xhr.status >= 400) {
        cell(tr, 3).className = "status-failed";
        cell(tr, 3).textContent = (answer.error && answer.error.message) || ("上传失败（" + xhr.status + "）");
        return;
      }
      var job = answer.jobs[0]; status(tr, job);
      if (job.status === "queued" || job.status === "running") { follow(tr, job.id); }
    };
    xhr.onerror = function () { cell(tr, 3).className = "status-failed"; cell(tr, 3).textContent = "网络错误，未上传"; };
    xhr.send(data);
  }

  function take(files) {
    Array.prototype.forEach.call(files, function (f) { if (accepted.test(f.name)) { send(f); } });
  }

  function walk(entry, out) {  // a dropped folder: every file inside it
    return new Promise(function (done) {
      if (entry.isFile) { entry.file(function (f) { out.push(f); done(); }, done); return; }
      var reader = entry.createReader(), all = [];
      (function more() {
        reader.readEntries(function (batch) {
          if (!batch.length) { Promise.all(all.map(function (e) { return walk(e, out); })).then(done); return; }
          all = all.concat(Array.prototype.slice.call(batch)); more();
        }, done);
      })();
    });
  }

  form.querySelector("#files").addEventListener("change", function (e) { take(e.target.files); e.target.value = ""; });
  form.querySelector("#folder").addEventListener("change", function (e) { take(e.target.files); e.target.value = ""; });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  ["dragenter", "dragover"].forEach(function (t) { zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add("over"); }); });
  ["dragleave", "drop"].forEach(function (t) { zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.remove("over"); }); });
  zone.addEventListener("drop", function (e) {
    var items = e.dataTransfer.items, entries = [];
    if (items && items.length && items[0].webkitGetAsEntry) {
      Array.prototype.forEach.call(items, function (it) { var en = it.webkitGetAsEntry(); if (en) { entries.push(en); } });
      var files = [];
      Promise.all(entries.map(function (en) { return walk(en, files); })).then(function () { take(files); });
    } else { take(e.dataTransfer.files); }
  });
})();
